import { isLetterOrMarkAt, isPairAt, isSpaceCode, isUpperAt } from './char-class.ts';
import { SPOKEN_NUMBER_SUFFIXES, SPOKEN_NUMBER_WORDS } from './number-words.ts';
import type { ScanText } from './types.ts';
import { MAX_CANDIDATES } from './types.ts';

/** Maximal runs of ASCII digits in the scan text, shared by the detectors that only fire near numbers. */
export interface DigitRuns {
  /** Start of each run, in text order. */
  starts: number[];
  /** End (exclusive) of each run. */
  ends: number[];
  /** Digits in the whole text. */
  total: number;
}

/**
 * What one pass over the lower-cased scan text finds, for every detector to share: the words (for the name rules),
 * the digit runs, which trigrams occur (for LiteralFilter) and whether three number words follow each other (for
 * spoken phone numbers). The last two are supersets of what the detectors' own patterns need, so a negative
 * answer is exact.
 */
export interface TextIndex {
  /** Generation that marks this text's trigrams in the shared table (see isStamped). */
  stamp: number;
  /**
   * Per word, WORD_FIELDS numbers: start, end of text (before a possessive 's), start of the gap before it, flags,
   * and the hash of the lower-cased word (-1 when it has a non-ASCII character). Shared scratch: see wordScratch.
   */
  words: Int32Array;
  /** Numbers used in `words` (WORD_FIELDS per word). */
  wordFields: number;
  /** Runs of ASCII digits. */
  digitRuns: DigitRuns;
  /** Whether `words` stopped at the cap (later words are missing). */
  wordsCapped: boolean;
  /** Whether three number words may follow each other with only spaces, commas, dots or hyphens between them. */
  spokenNumberRun: boolean;
}

/** Numbers per word in TextIndex.words. */
export const WORD_FIELDS = 5;
/** Word flag: capitalised (first code unit upper or title case, the word not all capitals). */
export const WORD_CAP = 1;
/** Word flag: first word of a sentence, line or message. */
export const WORD_SENTENCE_START = 2;
/** Word flag: a single capital letter (a middle initial). */
export const WORD_INITIAL = 4;
/** Word flag: the first character is an upper-case letter (`\p{Lu}`). */
export const WORD_UPPER_FIRST = 8;
/** Word flag: the first code unit changes when lower-cased (upper or title case). */
export const WORD_CASED = 16;

// Trigram presence, stamped with a generation per text so the table is never cleared; 8 KB stays in cache.
const SIZE = 1 << 12;
const stamps = new Uint16Array(SIZE);
let generation = 0;

/** Trigram bucket of three code units (white space already folded to a plain space by trigramUnit). */
export function trigramBucket(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & (SIZE - 1);
}

/** Code unit for trigram purposes: every kind of white space counts as a plain space. */
export function trigramUnit(text: string, i: number): number {
  return foldSpace(text.charCodeAt(i));
}

function foldSpace(c: number): number {
  if (c > 0x20 && c < 0x80) return c;
  return c !== 0x20 && isSpaceCode(c) ? 0x20 : c;
}

/** Whether the trigram bucket is marked with `stamp` (the stamp of a TextIndex). */
export function isStamped(bucket: number, stamp: number): boolean {
  return stamps[bucket] === stamp;
}

/** Step of the word hash over lower-cased ASCII code units. */
export function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

/** The hash a word index has for an ASCII word written in lower case (for pre-checks before a Set lookup). */
export function lowerHash(word: string): number {
  let h = 7;
  for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
  return h;
}

// Code units that end a sentence when they are the last non-blank character before a word.
const SENTENCE_END = new Set(
  ['.', '!', '?', ':', ';', '\n', '"', '“', '(', '>', '•', '*', '-'].map((c) => c.charCodeAt(0)),
);
// The ASCII ones as a table, so the common case needs no Set lookup.
const SENTENCE_END_ASCII = new Uint8Array(0x80);
for (const c of SENTENCE_END) if (c < 0x80) SENTENCE_END_ASCII[c] = 1;

/** Whether a code unit ends a sentence when it is the last non-blank one before a word. */
function endsSentence(c: number): boolean {
  return c < 0x80 ? c >= 0 && SENTENCE_END_ASCII[c] === 1 : SENTENCE_END.has(c);
}

const NUMBER_WORD_HASHES = new Set(SPOKEN_NUMBER_WORDS.map((w) => lowerHash(w)));
// Number-word suffixes by their last letter (indexed by code unit), so most runs are ruled out by one load.
const SUFFIXES_BY_LAST: (string[] | undefined)[] = [];
for (const suffix of SPOKEN_NUMBER_SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1);
  SUFFIXES_BY_LAST[last] = [...(SUFFIXES_BY_LAST[last] ?? []), suffix];
}

// One byte per hash bucket: most runs miss here without a Set lookup.
const NUMBER_WORD_BITS = new Uint8Array(4096);
for (const h of NUMBER_WORD_HASHES) NUMBER_WORD_BITS[h & 4095] = 1;

/** Whether the ASCII letter run `t[start, end)` (hash `h`) may be a spoken number word. */
function mayBeNumberWord(t: string, start: number, end: number, h: number): boolean {
  if (NUMBER_WORD_BITS[h & 4095] === 1 && NUMBER_WORD_HASHES.has(h)) return true;
  const last = t.charCodeAt(end - 1);
  const suffixes = last < SUFFIXES_BY_LAST.length ? SUFFIXES_BY_LAST[last] : undefined;
  if (suffixes === undefined) return false;
  for (const suffix of suffixes) {
    const stem = end - start - suffix.length;
    if (stem >= 2 && stem <= 6 && t.startsWith(suffix, end - suffix.length)) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Whether an ASCII code unit separates spoken number words ([\s,.-]). */
function isNumberSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2c || c === 0x2e || c === 0x2d || (c >= 0x09 && c <= 0x0d);
}

/** `first !== first.toLowerCase()` for a non-ASCII first code unit. */
function upperNonAscii(v: string, start: number): boolean {
  const first = v[start]!;
  return first !== first.toLowerCase();
}

/** `text === text.toUpperCase()` for `v[start, end)`, without allocating for ASCII words. */
function allCaps(v: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = v.charCodeAt(k);
    if (c >= 0x80) {
      const text = v.slice(start, end);
      return text === text.toUpperCase();
    }
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return true;
}

/** Lower-case ASCII hash of `v[start, end)` (an ASCII word). */
function hashOf(v: string, start: number, end: number): number {
  let h = 7;
  for (let k = start; k < end; k++) {
    const c = v.charCodeAt(k);
    h = hashStep(h, c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  }
  return h;
}

/** Appends the word `v[start, end)` (lower-cased in `t`) to the index, given the gap before it (see `build`). */
function pushWord(
  v: string,
  t: string,
  words: Int32Array,
  k: number,
  start: number,
  end: number,
  prevEnd: number,
  gapBreak: boolean,
  gapMark: number,
  hash: number,
): number {
  // A possessive 's is not part of the name ("Anna's"); the lower-cased copy rules most words out first.
  const quote = t.charCodeAt(end - 2);
  const possessive =
    end - start > 2 &&
    (quote === 0x27 || quote === 0x2019) &&
    t.charCodeAt(end - 1) === 0x73 &&
    v.charCodeAt(end - 1) === 0x73;
  const textEnd = possessive ? end - 2 : end;
  const first = v.charCodeAt(start);
  const upper = first < 0x80 ? first >= 0x41 && first <= 0x5a : upperNonAscii(v, start);
  const length = textEnd - start;
  const flags =
    (upper && !(length > 1 && allCaps(v, start, textEnd)) ? WORD_CAP : 0) |
    (k === 0 || gapBreak || endsSentence(gapMark) ? WORD_SENTENCE_START : 0) |
    (upper && length === 1 ? WORD_INITIAL : 0) |
    (upper ? WORD_CASED : 0) |
    ((first < 0x80 ? first >= 0x41 && first <= 0x5a : isUpperAt(v, start)) ? WORD_UPPER_FIRST : 0);
  words[k] = start;
  words[k + 1] = textEnd;
  words[k + 2] = prevEnd;
  words[k + 3] = flags;
  words[k + 4] = possessive && hash !== -1 ? hashOf(v, start, textEnd) : hash;
  return k + WORD_FIELDS;
}

// Word fields of the text being indexed. Like the trigram table, one buffer serves one text at a time: an index
// is only read while its stamp is current (textIndexOf rebuilds it otherwise), so the words need no copy.
let wordScratch: Int32Array<ArrayBuffer> = new Int32Array(WORD_FIELDS * 512);

/** A scratch buffer twice the size, holding what the old one held. */
function grow(old: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(old.length * 2);
  bigger.set(old);
  return bigger;
}

/**
 * Builds the index in one pass over `scan.lower` (a flat string; letters, marks, digits and punctuation sit where
 * they sit in the value), reading the value itself only for the case of a word.
 *
 * Words are letter-or-mark runs joined by apostrophes and hyphens, as `/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*\/u`
 * would find them, at most the candidate cap times ten.
 */
function build(scan: ScanText): TextIndex {
  generation = generation === 0xffff ? 1 : generation + 1;
  if (generation === 1) stamps.fill(0);
  const stamp = generation;
  const v = scan.value;
  const t = scan.lower;
  const n = t.length;
  const digitRuns: DigitRuns = { starts: [], ends: [], total: 0 };
  let words = wordScratch;
  let filled = 0;
  // Trigrams: the two code units before this one.
  let a = 0;
  let b = 0;
  // Digit run in progress (-1: none).
  let digitStart = -1;
  // Spoken numbers: the letter run in progress (ASCII ones hashed; any other non-space code unit may be part of a
  // number word), how many number words in a row, and whether the gap since the last one is only separators.
  let runStart = -1;
  let runHash = 7;
  let runAscii = true;
  let chain = 0;
  let gapClean = true;
  let spoken = false;
  // Words: the word in progress (-1: none), its hash (-1 once non-ASCII), the end of the previous word, and whether
  // the gap before the next word has a line break and which was its last non-blank code unit (-1: none).
  const maxWords = MAX_CANDIDATES * 10;
  let wordStart = -1;
  let wordHash = 7;
  let prevEnd = 0;
  let gapBreak = false;
  let gapMark = -1;
  // The low half of an astral letter already taken into the word.
  let skipLow = false;

  for (let i = 0; i <= n; i++) {
    // Past the end: a space closes whatever is open.
    const c = i < n ? t.charCodeAt(i) : 0x20;
    if (c >= 0x61 && c <= 0x7a) {
      // Fast path for the most common code unit, a lower-case letter: the same steps as below, minus the cases
      // that cannot apply.
      if (i >= 2) stamps[trigramBucket(a, b, c)] = stamp;
      a = b;
      b = c;
      if (digitStart >= 0) {
        digitRuns.starts.push(digitStart);
        digitRuns.ends.push(i);
        digitRuns.total += i - digitStart;
        digitStart = -1;
      }
      if (runStart < 0) {
        runStart = i;
        runHash = 7;
        runAscii = true;
      }
      runHash = hashStep(runHash, c);
      if (wordStart < 0) {
        if (filled >= maxWords * WORD_FIELDS) continue;
        scan.work.steps++;
        wordStart = i;
        wordHash = 7;
        if (filled + WORD_FIELDS > words.length) words = wordScratch = grow(words);
      }
      if (wordHash !== -1) wordHash = hashStep(wordHash, c);
      continue;
    }
    const unit = foldSpace(c);
    if (i >= 2 && i < n) stamps[trigramBucket(a, b, unit)] = stamp;
    a = b;
    b = unit;

    if (c >= 0x30 && c <= 0x39) {
      if (digitStart < 0) digitStart = i;
    } else if (digitStart >= 0) {
      digitRuns.starts.push(digitStart);
      digitRuns.ends.push(i);
      digitRuns.total += i - digitStart;
      digitStart = -1;
    }

    const asciiLetter = isAsciiLetter(c);
    if (asciiLetter || (c >= 0x80 && unit !== 0x20)) {
      if (runStart < 0) {
        runStart = i;
        runHash = 7;
        runAscii = true;
      }
      if (asciiLetter) runHash = hashStep(runHash, c | 0x20);
      else runAscii = false;
    } else {
      if (runStart >= 0) {
        const number = !runAscii || mayBeNumberWord(t, runStart, i, runHash);
        chain = number ? (gapClean && chain > 0 ? chain + 1 : 1) : 0;
        if (chain >= 3) spoken = true;
        runStart = -1;
        gapClean = true;
      }
      if (unit !== 0x20 && !isNumberSeparator(c)) gapClean = false;
    }

    if (skipLow) {
      skipLow = false;
      continue;
    }
    if (i === n) {
      if (wordStart >= 0)
        filled = pushWord(v, t, words, filled, wordStart, n, prevEnd, gapBreak, gapMark, wordHash);
      break;
    }
    if (wordStart < 0 && filled >= maxWords * WORD_FIELDS) continue;
    const letter = c < 0x80 ? asciiLetter : isLetterOrMarkAt(t, i);
    if (letter) {
      if (wordStart < 0) {
        scan.work.steps++;
        wordStart = i;
        wordHash = 7;
        if (filled + WORD_FIELDS > words.length) words = wordScratch = grow(words);
      }
      if (c >= 0x80) {
        wordHash = -1;
        skipLow = isPairAt(t, i);
      } else if (wordHash !== -1) wordHash = hashStep(wordHash, c | 0x20);
      continue;
    }
    if (wordStart >= 0) {
      // An apostrophe or hyphen between letters joins them into one word ("O'Connor", "Bowers-Smith").
      if ((c === 0x27 || c === 0x2019 || c === 0x2d) && i + 1 < n && isLetterOrMarkAt(t, i + 1)) {
        wordHash = c === 0x2019 || wordHash === -1 ? -1 : hashStep(wordHash, c);
        continue;
      }
      filled = pushWord(v, t, words, filled, wordStart, i, prevEnd, gapBreak, gapMark, wordHash);
      prevEnd = i;
      gapBreak = false;
      gapMark = -1;
      wordStart = -1;
    }
    if (c === 0x0a) gapBreak = true;
    else if (c !== 0x20 && c !== 0x09) gapMark = c;
  }
  return {
    stamp,
    words,
    wordFields: filled,
    wordsCapped: filled >= maxWords * WORD_FIELDS,
    digitRuns,
    spokenNumberRun: spoken,
  };
}

/** The index of the scan text (built on first use and kept on the scan). */
export function textIndexOf(scan: ScanText): TextIndex {
  const index = scan.index;
  // The trigram table holds one text at a time: rebuild if another text was indexed since.
  if (index !== undefined && index.stamp === generation) return index;
  scan.index = build(scan);
  return scan.index;
}

/** The digit runs of the scan text. */
export function digitRunsOf(scan: ScanText): DigitRuns {
  return textIndexOf(scan).digitRuns;
}

/**
 * Whether three number words may follow each other with only spaces, commas, dots or hyphens between them (as in
 * "nul zes, twaalf"); false means the spoken-number pattern cannot match.
 */
export function mayHaveSpokenNumber(scan: ScanText): boolean {
  return textIndexOf(scan).spokenNumberRun;
}
