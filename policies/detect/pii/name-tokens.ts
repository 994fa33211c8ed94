import {
  lowerHash,
  textIndexOf,
  WORD_CAP,
  WORD_CASED,
  WORD_FIELDS,
  WORD_INITIAL,
  WORD_SENTENCE_START,
  WORD_UPPER_FIRST,
} from './text-index.ts';
import type { ScanText } from './types.ts';

/** A word of the scan text with what the name rules need to know about it; strings are cut on first use. */
export class Word {
  private cachedText: string | undefined = undefined;
  private cachedLower: string | undefined = undefined;
  private cachedGap: string | undefined = undefined;
  /** Memo for the name rules' "can this word be part of a name" test (it is asked several times per word). */
  nameish: boolean | undefined = undefined;
  /** Memos for the first-name and surname lexicon lookups. */
  inFirst: boolean | undefined = undefined;
  inLast: boolean | undefined = undefined;
  /** The first code unit changes when lower-cased (as every lexicon name's does). */
  readonly cased: boolean;
  /** Start of the word in the scan text. */
  readonly start: number;
  /** End of `text` (before any possessive). */
  readonly end: number;
  /** Capitalised (first letter upper case, not all capitals). */
  readonly cap: boolean;
  /** First word of a sentence, line or message. */
  readonly sentenceStart: boolean;
  /** A single capital letter, optionally followed by a dot (a middle initial). */
  readonly initial: boolean;
  /** Hash of the lower-cased ASCII word (see `lowerHash`), or -1 when the word has non-ASCII characters. */
  readonly hash: number;
  /** End of the previous word including its possessive (start of `gap`). */
  private readonly gapStart: number;

  constructor(
    private readonly source: string,
    data: Int32Array,
    at: number,
  ) {
    this.start = data[at]!;
    this.end = data[at + 1]!;
    this.gapStart = data[at + 2]!;
    const flags = data[at + 3]!;
    this.cap = (flags & WORD_CAP) !== 0;
    this.sentenceStart = (flags & WORD_SENTENCE_START) !== 0;
    this.initial = (flags & WORD_INITIAL) !== 0;
    this.cased = (flags & WORD_CASED) !== 0;
    this.hash = data[at + 4]!;
  }

  /** The word without a possessive 's. */
  get text(): string {
    this.cachedText ??= this.source.slice(this.start, this.end);
    return this.cachedText;
  }

  /** `text` lower-cased. */
  get lower(): string {
    this.cachedLower ??= this.text.toLowerCase();
    return this.cachedLower;
  }

  /** Characters between the previous word and this one. */
  get gap(): string {
    this.cachedGap ??= this.source.slice(this.gapStart, this.start);
    return this.cachedGap;
  }
}

/**
 * The words of a scan text. Positions and flags stay in the shared text index (so a list is read within the
 * detection run that made it); a Word object is made only for the words the name rules look at (capitalised words
 * and their neighbours), a handful per message.
 */
export class WordList {
  readonly #source: string;
  readonly #data: Int32Array;
  readonly #made: (Word | undefined)[];
  /** Number of words. */
  readonly length: number;

  /** Whether the list stopped at the cap (later words are missing). */
  readonly capped: boolean;

  constructor(source: string, data: Int32Array, fields: number, capped: boolean) {
    this.#source = source;
    this.#data = data;
    this.capped = capped;
    this.length = fields / WORD_FIELDS;
    this.#made = new Array(this.length);
  }

  /** The word at index `i`, or undefined outside the list. */
  at(i: number): Word | undefined {
    if (i < 0 || i >= this.length) return undefined;
    let w = this.#made[i];
    if (w === undefined) {
      w = new Word(this.#source, this.#data, i * WORD_FIELDS);
      this.#made[i] = w;
    }
    return w;
  }

  /** Whether word `i` is capitalised, without making its Word. */
  isCap(i: number): boolean {
    return (this.#data[i * WORD_FIELDS + 3]! & WORD_CAP) !== 0;
  }

  /** Whether the first code unit of word `i` changes when lower-cased. */
  isCased(i: number): boolean {
    return (this.#data[i * WORD_FIELDS + 3]! & WORD_CASED) !== 0;
  }

  /** Whether word `i` starts with an upper-case letter (`\p{Lu}`). */
  isUpperFirst(i: number): boolean {
    return (this.#data[i * WORD_FIELDS + 3]! & WORD_UPPER_FIRST) !== 0;
  }

  /** Start of the gap before word `i` (the end of the previous word, with any possessive). */
  gapStartAt(i: number): number {
    return this.#data[i * WORD_FIELDS + 2]!;
  }

  /** Hash of word `i` (see `Word.hash`). */
  hashAt(i: number): number {
    return this.#data[i * WORD_FIELDS + 4]!;
  }

  /** Whether the text of word `i` is exactly `text`, without cutting it. */
  textIs(i: number, text: string): boolean {
    const at = i * WORD_FIELDS;
    const start = this.#data[at]!;
    return this.#data[at + 1]! - start === text.length && this.#source.startsWith(text, start);
  }

  /** Start of word `i`. */
  startAt(i: number): number {
    return this.#data[i * WORD_FIELDS]!;
  }

  /** End of word `i` (before any possessive). */
  endAt(i: number): number {
    return this.#data[i * WORD_FIELDS + 1]!;
  }
}

const BIT_MASK = 0xfff;

/** A set of lower-case words that answers for a Word without cutting its string in the common case (no match). */
export class LowerWordSet {
  readonly #words: ReadonlySet<string>;
  readonly #hashes = new Set<number>();
  // One byte per hash bucket: most words miss here without a Set lookup.
  readonly #bits = new Uint8Array(BIT_MASK + 1);

  constructor(words: ReadonlySet<string>) {
    this.#words = words;
    for (const w of words) {
      const h = lowerHash(w);
      this.#hashes.add(h);
      this.#bits[h & BIT_MASK] = 1;
    }
  }

  /** False when no word of the set has this hash (a word with hash -1 may still be in it). */
  mayHaveHash(hash: number): boolean {
    return hash === -1 || (this.#bits[hash & BIT_MASK]! !== 0 && this.#hashes.has(hash));
  }

  /** `words.has(w.lower)` (false for no word). */
  hasWord(w: Word | undefined): boolean {
    if (w === undefined) return false;
    if (w.hash !== -1 && (this.#bits[w.hash & BIT_MASK]! === 0 || !this.#hashes.has(w.hash))) return false;
    return this.#words.has(w.lower);
  }
}

/** The words of the scan text (from the shared text index, at most the candidate cap times ten). */
export function wordsOf(scan: ScanText): WordList {
  const index = textIndexOf(scan);
  return new WordList(scan.value, index.words, index.wordFields, index.wordsCapped);
}
