/** A word token of a sentence: normalized form plus its [start, end) offsets in the analysed text. */
export interface Token {
  norm: string;
  /** The word carried a possessive 's ("neighbour's"). */
  owner: boolean;
  start: number;
  end: number;
}

/** Where a sentence of the analysed text lies; its tokens are read with tokenize() when a mention needs them. */
export interface SentenceSpan {
  start: number;
  end: number;
  question: boolean;
}

/** A sentence of the analysed text with its tokens. */
export interface Sentence extends SentenceSpan {
  tokens: Token[];
}

// Character classes by code point, as the `u` regexes they replace read them; non-ASCII is cached (1 yes, 2 no).
const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/;
const caches = new Map<RegExp, Uint8Array>();

function test(re: RegExp, cp: number): boolean {
  if (cp > 0xffff) return re.test(String.fromCodePoint(cp));
  let cache = caches.get(re);
  if (!cache) {
    cache = new Uint8Array(0x10000);
    caches.set(re, cache);
  }
  let k = cache[cp]!;
  if (k === 0) {
    k = re.test(String.fromCharCode(cp)) ? 1 : 2;
    cache[cp] = k;
  }
  return k === 1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isLetterOrDigit(cp: number): boolean {
  return cp < 128 ? isAsciiAlnum(cp) : test(LETTER_OR_DIGIT, cp);
}
function isLetter(cp: number): boolean {
  return cp < 128 ? (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) : test(LETTER, cp);
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && test(SPACE, c));
}
function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** Lower-cases a word, unifies apostrophes and drops a possessive 's so "daughter's" matches "daughter". */
export function normToken(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  return w.length > 3 && w.endsWith("'s") ? w.slice(0, -2) : w;
}

// Letters and digits, then apostrophe-joined letter runs ("don't", "daughter's"); "/" and "+" alone ("r/o").
function wordEnd(text: string, i: number, to: number): number {
  const cp = text.codePointAt(i)!;
  if (cp === 47 || cp === 43) return i + 1;
  if (!isLetterOrDigit(cp)) return -1;
  let end = runEnd(text, i, to, isLetterOrDigit);
  while (end + 1 < to) {
    const c = text.charCodeAt(end);
    if ((c !== 39 && c !== 0x2019) || !isLetter(text.codePointAt(end + 1)!)) break;
    end = runEnd(text, end + 1, to, isLetter);
  }
  return end;
}

// The end of the run of code points from `i` (which is one) that `test` accepts.
function runEnd(text: string, i: number, to: number, test: (cp: number) => boolean): number {
  let end = i;
  while (end < to) {
    const cp = text.codePointAt(end)!;
    if (!test(cp)) break;
    end += width(cp);
  }
  return end;
}

/** Splits `text[from, to)` (all of it by default) into word tokens with offsets in `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const end = wordEnd(text, i, to);
    if (end < 0) {
      i += width(text.codePointAt(i)!);
      continue;
    }
    const word = text.slice(i, end);
    const norm = plainLower(text, i, end) ? word : normToken(word);
    out.push({ norm, owner: norm.length < word.length, start: i, end });
    i = end;
  }
  return out;
}

// Lower-case ASCII letters and digits only: normToken() would return the word as it is.
function plainLower(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += width(text.codePointAt(i)!)) if (wordEnd(text, i, to) >= 0) return true;
  return false;
}

// The run of letters and dots right before `at` (not before `from`): "Dr" in "Dr.", "e.g" in "e.g.".
function wordBefore(text: string, from: number, at: number): string {
  let k = at;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c === 46 || isLetter(c)) k--;
    else if (c >= 0xdc00 && c <= 0xdfff && k - 2 >= from && isLetter(text.codePointAt(k - 2)!)) k -= 2;
    else break;
  }
  return text.slice(k, at);
}

function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 59;
}

/**
 * Splits text into sentences at . ! ? ; (followed by a space or the end) and line breaks, keeping decimals
 * ("1.8") and known abbreviations ("Dr.", "mevr.") inside their sentence. Sentences without a word are left out.
 */
export function splitSentences(text: string, abbreviations: ReadonlySet<string>): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const at = i;
    let question = false;
    if (c === 10) {
      while (i < n && text.charCodeAt(i) === 10) i++;
    } else if (isStop(c)) {
      for (; i < n && isStop(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 63) question = true;
      if (i < n && !isSpace(text.charCodeAt(i))) continue;
      if (c === 46 && i - at === 1) {
        const before = wordBefore(text, start, at);
        // "Dr." and "mevr." keep the sentence going; an acronym such as "MS." ends it.
        const acronym = before.length > 1 && before === before.toUpperCase();
        if (before && !acronym && abbreviations.has(before.toLowerCase())) continue;
      }
    } else {
      i++;
      continue;
    }
    if (hasWord(text, start, i)) out.push({ start, end: i, question });
    start = i;
  }
  if (start < n && hasWord(text, start, n)) out.push({ start, end: n, question: false });
  return out;
}
