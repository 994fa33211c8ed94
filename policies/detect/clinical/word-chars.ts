// 1 for a word code unit, 2 for any other; ASCII is filled in here, the rest by Unicode property on first sight.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const classes = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) classes[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;

/** True for a UTF-16 code unit that is a letter or digit on its own (so never half of a surrogate pair). */
export function isWordCode(c: number): boolean {
  let k = classes[c]!;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    classes[c] = k;
  }
  return k === 1;
}
