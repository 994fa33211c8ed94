// FNV-1a over UTF-16 code units: cheap enough to run char by char while tokenizing, so no key string is built.
const FNV_PRIME = 0x01000193;

/** The hash of an empty key; extend it with hashStep(). */
export const HASH_START = 0x811c9dc5 | 0;

/** Extends a key hash by one (already lower-cased) code unit. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** Lower-cases ASCII letters and unifies the typographic apostrophe, as keyOf() does for ASCII words. */
export function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/** The hash of `src[from, to)` read through lowerCode(). */
export function hashRange(src: string, from: number, to: number): number {
  let h = HASH_START;
  for (let k = from; k < to; k++) h = hashStep(h, lowerCode(src.charCodeAt(k)));
  return h;
}

/** The hash of `src[from, to)` as it is: equal to hashRange() for text that is already lower case. */
export function hashExact(src: string, from: number, to: number): number {
  let h = HASH_START;
  for (let k = from; k < to; k++) h = hashStep(h, src.charCodeAt(k));
  return h;
}

/** The hash of `src[from, to)` read backwards through lowerCode(): one backward pass hashes every suffix. */
export function hashBackward(src: string, from: number, to: number): number {
  let h = HASH_START;
  for (let k = to - 1; k >= from; k--) h = hashStep(h, lowerCode(src.charCodeAt(k)));
  return h;
}
