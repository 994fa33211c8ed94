import { type FormTrie, ROOT } from './form-trie.ts';
import type { Match } from './match.ts';
import type { TokenScan } from './token-scan.ts';
import { HASH_START, hashStep } from './word-hash.ts';

// Dutch writes compounds as one word ("hooikoortsseizoen", "kinderastma"); parts shorter than this are not split off.
const MIN_PART = 5;
const MIN_REST = 3;

// Hashes of a compound's suffixes, then of its prefixes, by split point (reused from call to call).
const partHashes: number[] = [];

/**
 * The part of Dutch compound token `t` that is a lexicon form: a head (suffix) that is a form of one of the first
 * `curated` concepts, else a modifier (prefix) that is a form of any concept; null when neither.
 */
export function compoundPart(trie: FormTrie, scan: TokenScan, t: number, curated: number): Match | null {
  if (scan.keyLength(t) < MIN_PART + MIN_REST) return null;
  const w = scan.key(t);
  if (w.includes("'")) return null;
  const start = scan.starts[t]!;
  const end = scan.ends[t]!;
  const len = w.length;
  // The head of a Dutch compound carries its meaning ("kinderastma" is asthma), so try suffixes first;
  // hashing backwards from the end (as the head table does) gives every suffix's hash in one pass.
  const heads = trie.heads(curated);
  let h = HASH_START;
  for (let s = len - 1; s >= MIN_REST; s--) {
    h = hashStep(h, w.charCodeAt(s));
    partHashes[s] = h;
  }
  for (let s = MIN_REST; s <= len - MIN_PART; s++) {
    const node = heads.find(trie.words, ROOT, partHashes[s]!, w, s, len);
    if (node >= 0) return { concept: trie.concept[node]!, start: start + s, end };
  }
  h = HASH_START;
  for (let e = 1; e <= len - MIN_REST; e++) {
    h = hashStep(h, w.charCodeAt(e - 1));
    partHashes[e] = h;
  }
  for (let e = len - MIN_REST; e >= MIN_PART; e--) {
    const node = trie.children.find(trie.words, ROOT, partHashes[e]!, w, 0, e);
    if (node >= 0 && trie.concept[node]! >= 0 && !trie.cased.has(node))
      return { concept: trie.concept[node]!, start, end: start + e };
  }
  return null;
}
