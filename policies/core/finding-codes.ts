/**
 * Finding codes are the shared vocabulary between policies, the eval harness, moderator cards and the db.
 * A code is `<family>.<detail>`; families below. Eval maps codes to data-set labels (see eval/README.md).
 */

/** PII types, as in the scenario suite's labelling guide. */
export const PII_TYPES = [
  'NAME',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'ID',
  'URL',
  'HANDLE',
  'LOCATION',
  'ORGANIZATION',
  'AGE',
  'DATE',
] as const;
/** A PII type. */
export type PiiType = (typeof PII_TYPES)[number];

/** Crisis types, most pressing first. */
export const CRISIS_TYPES = ['suicide_risk', 'self_harm', 'medical_emergency', 'violence_or_abuse'] as const;
/** A crisis type. */
export type CrisisType = (typeof CRISIS_TYPES)[number];

/** Boundary labels. */
export const BOUNDARY_LABELS = [
  'advice_request',
  'individual_advice',
  'private_contact',
  'commercial',
  'misinformation',
  'harassment',
] as const;
/** A boundary label. */
export type BoundaryLabel = (typeof BOUNDARY_LABELS)[number];

/** `pii.PHONE` etc.: an identifying detail at `span`. */
export const piiCode = (type: PiiType): string => `pii.${type}`;
/** `crisis.suicide_risk` etc. */
export const crisisCode = (type: CrisisType): string => `crisis.${type}`;
/** `boundary.commercial` etc. */
export const boundaryCode = (label: BoundaryLabel): string => `boundary.${label}`;
/** `disclosure.self` or `disclosure.third_party`. */
export const disclosureCode = (kind: 'self' | 'third_party'): string => `disclosure.${kind}`;

/** Splits a finding code into family and detail. */
export function parseFindingCode(code: string): { family: string; detail: string } {
  const dot = code.indexOf('.');
  return dot < 0 ? { family: code, detail: '' } : { family: code.slice(0, dot), detail: code.slice(dot + 1) };
}
