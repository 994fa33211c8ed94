/** Longest text Ward evaluates; longer messages are stored whole, evaluated up to this and held for a person. */
export const MAX_EVALUATED_CHARS = 40_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces lone surrogates (invalid UTF-16) with U+FFFD so every later stage sees well-formed text. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
