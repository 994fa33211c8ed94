import { type FormTrie, ROOT } from './form-trie.ts';
import { casedOf } from './match-tokens.ts';
import { compoundPart } from './compound-part.ts';
import { TokenScan } from './token-scan.ts';

/** A lexicon hit: concept index and [start, end) offsets in the matched text. */
export interface Match {
  concept: number;
  start: number;
  end: number;
}

const LOWER_S = 115;

// One scan buffer for all calls: findForms() is synchronous and never re-entered.
const scan = new TokenScan();

// The node of the form found by the last longestAt() that returned a word count above 0.
let hitNode = -1;

// Walks the trie from token i; the last word may also be an English plural of the form's last word
// ("brain tumors" → "brain tumor"). `leet` reads digits as letters ("tr4madol").
function walk(trie: FormTrie, i: number, first: number, leet: boolean): number {
  let best = 0;
  if (trie.concept[first]! >= 0 && casedMatches(trie, first, i, 1)) {
    best = 1;
    hitNode = first;
  }
  let node = first;
  let keyLength = scan.keyLength(i);
  for (let j = i + 1; j < scan.count; j++) {
    const next = scan.child(trie, node, j, leet);
    const length = j - i + 1;
    keyLength += 1 + scan.keyLength(j);
    if (next >= 0 && trie.concept[next]! >= 0) {
      // A form found in the wrong case does not fall back to its singular.
      if (casedMatches(trie, next, i, length)) {
        best = length;
        hitNode = next;
      }
    } else if (keyLength >= 5 && plural(j, leet)) {
      const single = scan.singularChild(trie, node, j, leet);
      if (single >= 0 && trie.concept[single]! >= 0 && !trie.cased.has(single)) {
        best = length;
        hitNode = single;
      }
    }
    if (next < 0) break;
    node = next;
  }
  return best;
}

// "tumors" → "tumor", "diseases" → "disease", but not "illness".
function plural(t: number, leet: boolean): boolean {
  if (scan.codeFromEnd(t, 0, leet) !== LOWER_S) return false;
  return scan.keyLength(t) < 2 || scan.codeFromEnd(t, 1, leet) !== LOWER_S;
}

function casedMatches(trie: FormTrie, node: number, i: number, n: number): boolean {
  const cased = trie.cased.get(node);
  if (cased === undefined) return true;
  const words: string[] = [];
  for (let k = i; k < i + n; k++) words.push(casedOf(scan.text.slice(scan.starts[k]!, scan.ends[k]!)));
  return words.join(' ') === cased;
}

// Longest form starting at token i (word count, node in hitNode); a second pass reads digits as letters.
function longestAt(trie: FormTrie, i: number): number {
  const first = scan.child(trie, ROOT, i, false);
  if (first >= 0) {
    const n = walk(trie, i, first, false);
    if (n > 0) return n;
  }
  if (scan.leetKey(i) === null) return 0;
  const leetFirst = scan.child(trie, ROOT, i, true);
  return leetFirst < 0 ? 0 : walk(trie, i, leetFirst, true);
}

/**
 * Finds lexicon forms in `text`: word boundaries, leftmost-longest, no overlaps. With `compounds`, a Dutch
 * compound is split when its head or modifier is a form of one of the first `compounds` (hand-curated) concepts.
 */
export function findForms(text: string, trie: FormTrie, compounds = 0): Match[] {
  scan.scan(text);
  const out: Match[] = [];
  let i = 0;
  while (i < scan.count) {
    const n = longestAt(trie, i);
    if (n > 0) {
      const from = Math.min(i + trie.skip[hitNode]!, i + n - 1);
      out.push({ concept: trie.concept[hitNode]!, start: scan.starts[from]!, end: scan.ends[i + n - 1]! });
      i += n;
      continue;
    }
    if (compounds > 0) {
      const part = compoundPart(trie, scan, i, compounds);
      if (part) out.push(part);
    }
    i++;
  }
  return out.length === 0 ? out : withDefinedAbbreviations(text, out);
}

// "myotonic dystrophy (DM)": later "DM" in the same text means the same concept (Schwartz & Hearst style).
function withDefinedAbbreviations(text: string, found: Match[]): Match[] {
  const defined = new Map<string, number>();
  for (const m of found) {
    const abbr = /^\s*\(([A-Z][A-Za-z0-9-]{1,7})\)/.exec(text.slice(m.end, m.end + 12))?.[1];
    if (abbr && /[A-Z].*[A-Z0-9]|^[A-Z]{2}/.test(abbr)) defined.set(abbr, m.concept);
  }
  if (defined.size === 0) return found;
  const extra: Match[] = [];
  for (let t = 0; t < scan.count; t++) {
    const start = scan.starts[t]!;
    const end = scan.ends[t]!;
    const concept = defined.get(text.slice(start, end));
    if (concept !== undefined && !found.some((m) => m.start < end && start < m.end))
      extra.push({ concept, start, end });
  }
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
}
