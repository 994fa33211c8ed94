import { NUMBER_WORD } from './number-words.ts';
import { matchesOf } from './regex-scan.ts';
import { mayHaveSpokenNumber } from './text-index.ts';
import type { Candidate, ScanText } from './types.ts';

// Digits written as words, English and Dutch ("oh" and "o" are how people read a zero aloud).
const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  nul: '0',
  een: '1',
  één: '1',
  eén: '1',
  twee: '2',
  drie: '3',
  vier: '4',
  vijf: '5',
  zes: '6',
  zeven: '7',
  acht: '8',
  negen: '9',
};
// Two-digit numbers, as people read phone numbers in pairs ("nul zes, twaalf, vierendertig", "oh seven, thirty-four").
const TEENS: Record<string, string> = {
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  tien: '10',
  elf: '11',
  twaalf: '12',
  dertien: '13',
  veertien: '14',
  vijftien: '15',
  zestien: '16',
  zeventien: '17',
  achttien: '18',
  negentien: '19',
};
const TENS: Record<string, string> = {
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
  twintig: '2',
  dertig: '3',
  veertig: '4',
  vijftig: '5',
  zestig: '6',
  zeventig: '7',
  tachtig: '8',
  negentig: '9',
};
const DUTCH_COMPOUND =
  /^(een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/u;

/** How many digits a number word stands for (0 when it is not one). */
function digitCount(word: string): number {
  if (DIGIT_WORDS[word] !== undefined) return 1;
  if (TEENS[word] !== undefined || TENS[word] !== undefined || DUTCH_COMPOUND.test(word)) return 2;
  return 0;
}

const REPEAT: Record<string, number> = { double: 2, dubbel: 2, triple: 3, driedubbel: 3 };
// Cheap gate: three number words in a row before tokenizing the whole message (the text pass rules most
// messages out without running it).
const SPOKEN_RUN = new RegExp(
  String.raw`(?<![\p{L}])${NUMBER_WORD}[\s,.-]+${NUMBER_WORD}[\s,.-]+${NUMBER_WORD}(?![\p{L}])`,
  'u',
);
const TOKEN = /[\p{L}]+|\d+|[^\s\p{L}\d]/gu;
const JOINERS = new Set([',', '-', '.', '/', '(', ')']);

/** Phone numbers spelled as words ("nul zes, twee drie …", "plus four four seven …"), possibly mixed with digits. */
export function detectPhoneWords(scan: ScanText): Candidate[] {
  if (!mayHaveSpokenNumber(scan) || !SPOKEN_RUN.test(scan.lower)) return [];
  const out: Candidate[] = [];
  let runStart = -1;
  let runEnd = -1;
  let digits = 0;
  let wordDigits = 0;
  let pendingRepeat = 1;
  let prevWord = '';
  const flush = () => {
    if (runStart >= 0 && digits >= 8 && wordDigits >= 4) {
      out.push({ type: 'PHONE', start: runStart, end: runEnd, confidence: 0.85, detector: 'phone.words' });
    }
    runStart = -1;
    digits = 0;
    wordDigits = 0;
    pendingRepeat = 1;
  };
  for (const m of matchesOf(TOKEN, scan, scan.lower)) {
    const t = m[0];
    const last = prevWord;
    prevWord = t;
    const gapOk = runStart < 0 || /^[\s,\-./()]*$/u.test(scan.lower.slice(runEnd, m.index));
    if (!gapOk) flush();
    const n = digitCount(t);
    if (n > 0) {
      // "thirty four": a unit after a tens word completes it rather than adding a digit.
      const completesTens = n === 1 && TENS[last] !== undefined;
      if (runStart < 0) runStart = m.index;
      const added = completesTens ? 0 : n * pendingRepeat;
      digits += added;
      wordDigits += added;
      pendingRepeat = 1;
      runEnd = m.index + t.length;
    } else if ((t === 'hundred' || t === 'honderd') && runStart >= 0 && DIGIT_WORDS[last] !== undefined) {
      // "seven hundred" is read for 700
      digits += 2;
      wordDigits += 2;
      runEnd = m.index + t.length;
    } else if (/^\d{1,4}$/.test(t) && runStart >= 0) {
      digits += t.length;
      runEnd = m.index + t.length;
    } else if (REPEAT[t] !== undefined || (t === 'plus' && runStart < 0)) {
      if (runStart < 0) runStart = m.index;
      if (REPEAT[t] !== undefined) pendingRepeat = REPEAT[t]!;
      runEnd = m.index + t.length;
    } else if (JOINERS.has(t) && runStart >= 0) {
      // punctuation between spoken groups keeps the run going
    } else {
      flush();
    }
  }
  flush();
  return out;
}
