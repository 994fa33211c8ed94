import { lowerCode } from './word-hash.ts';

/** The word each trie node was reached by, as a range of the lexicon text (no string per word). */
export interface NodeWords {
  text: string;
  start: Int32Array;
  end: Int32Array;
}

/**
 * (parent node, word hash) → child node, open addressing over one Int32Array of triples; a hit is confirmed by
 * comparing the child's word with the looked-up range, so hash collisions cost a comparison, never a wrong match.
 */
export class ChildTable {
  private slots: Int32Array;
  // One bit per slot: set when some key starts its probe there. Most look-ups miss, and this small bit set
  // (32 KB for the English lexicon) answers them without touching the table.
  private homes: Int32Array;
  private mask: number;
  private count = 0;

  /** A table for `capacity` children, at most half full (it grows past that). */
  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 3).fill(-1);
    this.homes = new Int32Array(size >> 5);
    this.mask = size - 1;
  }

  /** The child of `parent` whose word (in `words`) is `src[from, to)` read through lowerCode(), or -1. */
  find(words: NodeWords, parent: number, hash: number, src: string, from: number, to: number): number {
    const home = slotOf(parent, hash) & this.mask;
    if ((this.homes[home >>> 5]! & (1 << (home & 31))) === 0) return -1;
    const slots = this.slots;
    for (let p = home; ; p = (p + 1) & this.mask) {
      const child = slots[p * 3 + 2]!;
      if (child < 0) return -1;
      if (slots[p * 3] === parent && slots[p * 3 + 1] === hash && wordIs(words, child, src, from, to))
        return child;
    }
  }

  /** Records `child` under (parent, hash); the caller has checked it is not there yet. */
  add(parent: number, hash: number, child: number): void {
    if (++this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    let p = slotOf(parent, hash) & this.mask;
    this.homes[p >>> 5]! |= 1 << (p & 31);
    while (this.slots[p * 3 + 2]! >= 0) p = (p + 1) & this.mask;
    this.slots[p * 3] = parent;
    this.slots[p * 3 + 1] = hash;
    this.slots[p * 3 + 2] = child;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size * 3).fill(-1);
    this.homes = new Int32Array(size >> 5);
    this.mask = size - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += 3)
      if (old[at + 2]! >= 0) this.add(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

function wordIs(words: NodeWords, node: number, src: string, from: number, to: number): boolean {
  const start = words.start[node]!;
  const len = to - from;
  if (words.end[node]! - start !== len) return false;
  for (let k = 0; k < len; k++) {
    if (words.text.charCodeAt(start + k) !== lowerCode(src.charCodeAt(from + k))) return false;
  }
  return true;
}

function slotOf(parent: number, hash: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
