import raw from '../data/harassment.json' with { type: 'json' };

/** Folded text with misspelt or glued key words restored, and a map from each output index to the input index. */
export interface SpellFolded {
  text: string;
  map: number[];
}

type Lists = Record<string, string[] | undefined>;
const all = (name: string) => (Object.values(raw) as Lists[]).flatMap((l) => l[name] ?? []);
const TARGETS = new Set(all('spelling_targets'));
const GLUE = new Set(all('spelling_glue'));

/** One dropped letter (words of five or more) or two swapped neighbours, never touching the first letter. */
function variants(word: string): string[] {
  const out: string[] = [];
  if (word.length >= 5) for (let i = 1; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  if (word.length >= 4)
    for (let i = 1; i < word.length - 1; i++)
      out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return out;
}

// Misspelling → the key word; real words that are one edit away from a key word ("lack", "omen") are excluded.
const CORRECTIONS = new Map<string, string>();
const EXCLUDED = new Set(all('spelling_exclude'));
for (const word of TARGETS) {
  for (const v of variants(word)) {
    if (v !== word && !TARGETS.has(v) && !EXCLUDED.has(v) && !CORRECTIONS.has(v)) CORRECTIONS.set(v, word);
  }
}

/** A token's repair: a corrected key word, or a key word split from a glued intensifier ("sosickening"). */
function repair(token: string): string | null {
  const fixed = CORRECTIONS.get(token);
  if (fixed) return fixed;
  if (TARGETS.has(token) || token.length < 6) return null;
  for (let i = 2; i <= token.length - 2; i++) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if ((GLUE.has(left) && TARGETS.has(right)) || (TARGETS.has(left) && GLUE.has(right)))
      return `${left} ${right}`;
  }
  return null;
}

/**
 * Undoes deliberate misspellings of a small set of key hate words in folded text: one letter dropped or two
 * swapped ("haet", "killd", "disgutsed") and a key word glued to an intensifier ("massivescumbags", "deathto").
 * Returns the text unchanged (empty map) when no token needs a repair.
 */
export function spellFold(folded: string): SpellFolded {
  let text = '';
  const map: number[] = [];
  let last = 0;
  let changed = false;
  for (const m of folded.matchAll(/[a-z]+/g)) {
    const fixed = repair(m[0]);
    if (!fixed) continue;
    changed = true;
    for (let i = last; i < m.index; i++) {
      text += folded[i];
      map.push(i);
    }
    for (let k = 0; k < fixed.length; k++) {
      text += fixed[k];
      map.push(m.index + Math.min(k, m[0].length - 1));
    }
    last = m.index + m[0].length;
  }
  if (!changed) return { text: folded, map: [] };
  for (let i = last; i < folded.length; i++) {
    text += folded[i];
    map.push(i);
  }
  return { text, map };
}
