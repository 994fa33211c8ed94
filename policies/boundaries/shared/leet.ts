/** Folded text with leet and separator evasions undone, and a map from each output index to the input index (empty when nothing changed). */
export interface LeetFolded {
  text: string;
  map: number[];
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
};
const SEPARATOR = /[\s.\-_*+~'`·•]/;
// Texts that none of the evasions below can change (most chat) skip the character-by-character pass.
const MAYBE_EVASION = new RegExp(
  [
    '\\p{L}[0134579@$!|€]|[0134579@$!|€]\\p{L}',
    '(\\p{L})\\1\\1',
    "(?<!\\p{L})\\p{L}(?:[\\s.\\-_*+~'`·•]+\\p{L}(?!\\p{L})){2}",
  ].join('|'),
  'u',
);

const LETTER = /\p{L}/u;
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 97 ? code <= 122 : code >= 65 && code <= 90;
  return LETTER.test(c);
}

/**
 * Undoes common evasions in already case-folded text: leet digits/symbols inside words, letters split by
 * separators ("i d i o t", "i.d.i.o.t"), and stretched letters ("stuuuupid"). Digits standing alone stay digits.
 */
export function leetFold(folded: string): LeetFolded {
  if (!MAYBE_EVASION.test(folded)) return { text: folded, map: [] };
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i]!;
    const sub = LEET[c];
    // A leet character counts as a letter only when it touches a letter (so "2 of 5" stays as it is).
    const out = sub && (isLetter(folded[i - 1]) || isLetter(folded[i + 1])) ? sub : c;
    chars.push(out);
    map.push(i);
  }
  // Join single letters separated by separators: "i d i o t" -> "idiot" (needs three or more single letters).
  let text = '';
  const outMap: number[] = [];
  let i = 0;
  const single = (k: number) => isLetter(chars[k]) && !isLetter(chars[k - 1]) && !isLetter(chars[k + 1]);
  while (i < chars.length) {
    if (single(i)) {
      const run: number[] = [i];
      let k = i + 1;
      while (k < chars.length) {
        let s = k;
        while (s < chars.length && SEPARATOR.test(chars[s]!)) s++;
        if (s > k && s < chars.length && single(s)) {
          run.push(s);
          k = s + 1;
        } else break;
      }
      if (run.length >= 3) {
        for (const r of run) {
          text += chars[r];
          outMap.push(map[r]!);
        }
        i = run[run.length - 1]! + 1;
        continue;
      }
    }
    // Squeeze letters repeated three or more times down to one ("stuuupid" -> "stupid").
    if (isLetter(chars[i]) && chars[i] === chars[i + 1] && chars[i] === chars[i + 2]) {
      text += chars[i];
      outMap.push(map[i]!);
      const letter = chars[i];
      while (chars[i] === letter) i++;
      continue;
    }
    text += chars[i];
    outMap.push(map[i]!);
    i++;
  }
  return { text, map: outMap };
}
