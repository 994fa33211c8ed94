import type { FormTrie } from './form-trie.ts';
import { keyOf, unleet } from './match-tokens.ts';
import { isWordCode } from './word-chars.ts';
import { HASH_START, hashRange, hashStep, lowerCode } from './word-hash.ts';

// Per-token flags.
const ASCII = 1;
const DIGIT = 2;
const LETTER = 4;
const UPPER = 8;

/**
 * The word tokens of one text with their key hashes, in arrays reused from call to call (the matcher runs
 * synchronously, one text at a time). Tokens and keys are exactly matchTokens()'; a word made of ASCII letters
 * and digits is hashed and looked up straight from the text, other words go through keyOf().
 */
export class TokenScan {
  text = '';
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Where the key ends: in the text for ASCII words (a possessive 's is left out), else in `keys[i]`. */
  private keyEnds = new Int32Array(64);
  private flags = new Uint8Array(64);
  /** hashRange() of each token's key. */
  private hashes = new Int32Array(64);
  private keys: (string | undefined)[] = [];
  private leet: (string | null | undefined)[] = [];

  /** Tokenizes and hashes `text` in one pass over its code units. */
  scan(text: string): void {
    this.text = text;
    this.count = 0;
    this.leet.length = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      let flags = ASCII;
      // The key's hash, and its value one and two code units earlier (for a possessive 's left out).
      let h = HASH_START;
      let h1 = h;
      let h2 = h;
      for (;;) {
        if (c >= 65 && c <= 90) {
          flags |= UPPER | LETTER;
          c += 32;
        } else if (c >= 97) {
          if (c > 122 && c !== 0x2019) flags &= ~ASCII;
          else if (c === 0x2019) c = 39;
          else flags |= LETTER;
        } else if (c >= 48 && c <= 57) flags |= DIGIT;
        h2 = h1;
        h1 = h;
        h = hashStep(h, c);
        if (++i >= n) break;
        c = text.charCodeAt(i);
        if (isWordCode(c)) continue;
        // An apostrophe inside a word ("don't", "Crohn's") belongs to it.
        if ((c === 39 || c === 0x2019) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) continue;
        break;
      }
      const t = this.count++;
      if (t === this.starts.length) this.grow();
      this.starts[t] = start;
      this.ends[t] = i;
      if ((flags & ASCII) === 0) {
        this.slowKey(t, text, start, i);
        continue;
      }
      let keyEnd = i;
      const last = text.charCodeAt(i - 1);
      if (i - start > 3 && (last === 115 || last === 83) && isApostrophe(text, i - 2)) {
        keyEnd = i - 2;
        h = h2;
        flags = keyFlags(text, start, keyEnd);
      }
      this.keyEnds[t] = keyEnd;
      this.flags[t] = flags;
      this.hashes[t] = h;
    }
  }

  // Letters and digits outside ASCII: the key is keyOf()'s (accents folded, Unicode lower case).
  private slowKey(t: number, text: string, start: number, end: number): void {
    const key = keyOf(text.slice(start, end));
    this.keys[t] = key;
    this.flags[t] = (/\d/.test(key) ? DIGIT : 0) | (/\p{L}/u.test(key) ? LETTER : 0);
    this.hashes[t] = hashRange(key, 0, key.length);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.keyEnds = copy(this.keyEnds, new Int32Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
    this.hashes = copy(this.hashes, new Int32Array(size));
  }

  /** Token `t`'s key as a string (matchTokens()' `key`). */
  key(t: number): string {
    const flags = this.flags[t]!;
    if ((flags & ASCII) === 0) return this.keys[t]!;
    const word = this.text.slice(this.starts[t]!, this.keyEnds[t]!);
    return flags & UPPER || word.includes('’') ? word.replace(/[A-Z’]/g, lowerOne) : word;
  }

  /** The key with digits read as letters ("tr4madol" → "tramadol"), or null when it is not mixed letters and digits. */
  leetKey(t: number): string | null {
    let k = this.leet[t];
    if (k === undefined) {
      k = (this.flags[t]! & (DIGIT | LETTER)) === (DIGIT | LETTER) ? unleet(this.key(t)) : null;
      this.leet[t] = k;
    }
    return k;
  }

  /** The child of `node` by this token's key (read through leetKey() when `leet`), or -1. */
  child(trie: FormTrie, node: number, t: number, leet: boolean): number {
    const k = leet ? this.leetKey(t) : null;
    if (k !== null) return trie.children.find(trie.words, node, hashRange(k, 0, k.length), k, 0, k.length);
    const ascii = (this.flags[t]! & ASCII) !== 0;
    const src = ascii ? this.text : this.keys[t]!;
    const from = ascii ? this.starts[t]! : 0;
    const to = ascii ? this.keyEnds[t]! : src.length;
    return trie.children.find(trie.words, node, this.hashes[t]!, src, from, to);
  }

  /** Length of the key. */
  keyLength(t: number): number {
    return this.flags[t]! & ASCII ? this.keyEnds[t]! - this.starts[t]! : this.keys[t]!.length;
  }

  /** The key's code unit `back` places from its end (lower-cased), read through leetKey() when `leet`. */
  codeFromEnd(t: number, back: number, leet: boolean): number {
    const k = leet ? this.leetKey(t) : null;
    if (k !== null) return k.charCodeAt(k.length - 1 - back);
    if (this.flags[t]! & ASCII) return lowerCode(this.text.charCodeAt(this.keyEnds[t]! - 1 - back));
    const s = this.keys[t]!;
    return s.charCodeAt(s.length - 1 - back);
  }

  /** The child of `node` by this token's key without its last code unit (an English plural's singular), or -1. */
  singularChild(trie: FormTrie, node: number, t: number, leet: boolean): number {
    const k = leet ? this.leetKey(t) : null;
    const ascii = k === null && (this.flags[t]! & ASCII) !== 0;
    const src = k ?? (ascii ? this.text : this.keys[t]!);
    const from = ascii ? this.starts[t]! : 0;
    const to = (ascii ? this.keyEnds[t]! : src.length) - 1;
    return to <= from ? -1 : trie.children.find(trie.words, node, hashRange(src, from, to), src, from, to);
  }
}

function lowerOne(ch: string): string {
  return ch === '’' ? "'" : ch.toLowerCase();
}

function isApostrophe(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 39 || c === 0x2019;
}

function keyFlags(text: string, from: number, to: number): number {
  let flags = ASCII;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) flags |= UPPER | LETTER;
    else if (c >= 97 && c <= 122) flags |= LETTER;
    else if (c >= 48 && c <= 57) flags |= DIGIT;
  }
  return flags;
}
