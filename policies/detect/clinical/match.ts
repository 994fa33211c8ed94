import type { FormEntry, FormIndex } from './load-lexicon.ts';
import { casedOf, type MatchToken, matchTokens, unleet } from './match-tokens.ts';

/** A lexicon hit: concept index and [start, end) offsets in the matched text. */
export interface Match {
  concept: number;
  start: number;
  end: number;
}

// Dutch writes compounds as one word ("hooikoortsseizoen", "kinderastma"); parts shorter than this are not split off.
const MIN_PART = 5;
const MIN_REST = 3;

// English plurals of a form's last word: "tumors" → "tumor", "diseases" → "disease".
function singular(key: string): string | null {
  if (key.length < 5 || !key.endsWith('s') || key.endsWith('ss')) return null;
  return key.slice(0, -1);
}

function lookup(
  text: string,
  forms: FormIndex,
  tokens: readonly MatchToken[],
  i: number,
  n: number,
  leet: boolean,
): FormEntry | null {
  let key = leet ? (unleet(tokens[i]!.key) ?? tokens[i]!.key) : tokens[i]!.key;
  for (let k = i + 1; k < i + n; k++) {
    const t = tokens[k]!;
    key += ` ${leet ? (unleet(t.key) ?? t.key) : t.key}`;
  }
  let entry = forms.byKey.get(key);
  if (!entry && key.charCodeAt(key.length - 1) === 115) {
    const one = singular(key);
    const hit = one === null ? undefined : forms.byKey.get(one);
    if (hit?.cased === undefined) entry = hit;
  }
  if (!entry) return null;
  if (entry.cased !== undefined) {
    const cased = tokens
      .slice(i, i + n)
      .map((t) => casedOf(text.slice(t.start, t.end)))
      .join(' ');
    if (cased !== entry.cased) return null;
  }
  return entry;
}

function hasDigit(key: string): boolean {
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// Longest form starting at token i, as [entry, word count]; a second pass reads digits as letters ("tr4madol").
function longestAt(
  text: string,
  forms: FormIndex,
  tokens: readonly MatchToken[],
  i: number,
): [FormEntry, number] | null {
  const first = tokens[i]!.key;
  for (let pass = 0; pass < 2; pass++) {
    const leet = pass === 1;
    const firstKey = leet ? (hasDigit(first) ? unleet(first) : null) : first;
    if (firstKey === null) continue;
    const mask = forms.lengths.get(firstKey);
    if (mask === undefined) continue;
    for (let n = Math.min(31 - Math.clz32(mask), tokens.length - i); n >= 1; n--) {
      if ((mask & (1 << n)) === 0) continue;
      const entry = lookup(text, forms, tokens, i, n, leet);
      if (entry) return [entry, n];
    }
  }
  return null;
}

function compoundPart(forms: FormIndex, t: MatchToken, curated: number): Match | null {
  const w = t.key;
  if (w.length < MIN_PART + MIN_REST || w.includes("'")) return null;
  // The head of a Dutch compound carries its meaning ("kinderastma" is asthma), so try suffixes first.
  for (let s = MIN_REST; s <= w.length - MIN_PART; s++) {
    const e = forms.byKey.get(w.slice(s));
    if (e && e.cased === undefined && e.concept < curated)
      return { concept: e.concept, start: t.start + s, end: t.end };
  }
  for (let e = w.length - MIN_REST; e >= MIN_PART; e--) {
    const entry = forms.byKey.get(w.slice(0, e));
    if (entry && entry.cased === undefined)
      return { concept: entry.concept, start: t.start, end: t.start + e };
  }
  return null;
}

/**
 * Finds lexicon forms in `text`: word boundaries, leftmost-longest, no overlaps. With `compounds`, a Dutch
 * compound is split when its head or modifier is a form of one of the first `compounds` (hand-curated) concepts.
 */
export function findForms(text: string, forms: FormIndex, compounds = 0): Match[] {
  const tokens = matchTokens(text);
  const out: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hit = longestAt(text, forms, tokens, i);
    if (hit) {
      const [entry, n] = hit;
      const from = tokens[Math.min(i + entry.skip, i + n - 1)]!;
      out.push({ concept: entry.concept, start: from.start, end: tokens[i + n - 1]!.end });
      i += n;
      continue;
    }
    if (compounds > 0) {
      const part = compoundPart(forms, tokens[i]!, compounds);
      if (part) out.push(part);
    }
    i++;
  }
  return withDefinedAbbreviations(text, tokens, out);
}

// "myotonic dystrophy (DM)": later "DM" in the same text means the same concept (Schwartz & Hearst style).
function withDefinedAbbreviations(text: string, tokens: readonly MatchToken[], found: Match[]): Match[] {
  const defined = new Map<string, number>();
  for (const m of found) {
    const abbr = /^\s*\(([A-Z][A-Za-z0-9-]{1,7})\)/.exec(text.slice(m.end, m.end + 12))?.[1];
    if (abbr && /[A-Z].*[A-Z0-9]|^[A-Z]{2}/.test(abbr)) defined.set(abbr, m.concept);
  }
  if (defined.size === 0) return found;
  const taken = (t: MatchToken) => found.some((m) => m.start < t.end && t.start < m.end);
  const extra: Match[] = [];
  for (const t of tokens) {
    const concept = defined.get(text.slice(t.start, t.end));
    if (concept !== undefined && !taken(t)) extra.push({ concept, start: t.start, end: t.end });
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
}
