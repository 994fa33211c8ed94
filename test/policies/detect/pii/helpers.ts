import { normalizeText } from '../../../../policies/detect/normalize.ts';
import { DEFAULT_PII_THRESHOLD, detectPii } from '../../../../policies/detect/pii/index.ts';

/** [type, text] pairs of the spans detectPii reports at or above the default threshold. */
export function found(text: string, locale = 'en-GB'): [string, string][] {
  return detectPii(normalizeText(text), { locale })
    .filter((s) => s.confidence >= DEFAULT_PII_THRESHOLD)
    .map((s) => [s.type, text.slice(s.start, s.end)]);
}

/** Types found in a text. */
export function typesIn(text: string, locale = 'en-GB'): string[] {
  return found(text, locale).map(([t]) => t);
}
