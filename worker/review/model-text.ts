import { normalizeText } from '../../policies/detect/normalize.ts';
import { detectPii } from '../../policies/detect/pii/index.ts';
import { redactText } from '../../policies/detect/pii/redact.ts';

/** At most this much of a message is sent; long messages were held for a person by the rules anyway. */
export const MAX_REVIEW_CHARS = 4000;

/**
 * The text a model may see: the stored redacted copy, scanned once more (a second net, in case the copy was made
 * before a detector improved) and capped. Identifiers found now are replaced like the first time.
 */
export function textForModel(redactedCopy: string, locale: string): string {
  const capped =
    redactedCopy.length > MAX_REVIEW_CHARS ? redactedCopy.slice(0, MAX_REVIEW_CHARS) : redactedCopy;
  return redactText(capped, detectPii(normalizeText(capped), { locale })).text;
}
