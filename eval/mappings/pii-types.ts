/**
 * Ward PII type → `spans` data set type (datasets/README.md). Ward's DATE_OF_BIRTH is a date; HANDLE has
 * no counterpart in the spans vocabulary, so HANDLE predictions are dropped before scoring (and counted
 * in the printed "unmapped" note). The scenario suite uses Ward's own types, so it needs no mapping.
 */
export const WARD_TO_SPANS_TYPE: Readonly<Record<string, string>> = {
  NAME: 'NAME',
  PHONE: 'PHONE',
  EMAIL: 'EMAIL',
  ADDRESS: 'ADDRESS',
  DATE_OF_BIRTH: 'DATE',
  DATE: 'DATE',
  AGE: 'AGE',
  ID: 'ID',
  URL: 'URL',
  LOCATION: 'LOCATION',
  ORGANIZATION: 'ORGANIZATION',
};

/** Data set types some Ward type maps onto: the only types with per-type keys. */
export const SCORABLE_SPANS_TYPES: ReadonlySet<string> = new Set(Object.values(WARD_TO_SPANS_TYPE));

/** The Ward type of a `pii.<TYPE>` finding code, or null for other codes. */
export function piiTypeOfCode(code: string): string | null {
  return code.startsWith('pii.') && code.length > 4 ? code.slice(4) : null;
}
