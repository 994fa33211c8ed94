import type { ScanText } from './types.ts';
import { MAX_CANDIDATES } from './types.ts';

/** A word of the scan text with what the name rules need to know about it. */
export interface Word {
  /** The word without a possessive 's. */
  text: string;
  lower: string;
  start: number;
  /** End of `text` (before any possessive). */
  end: number;
  /** Capitalised (first letter upper case, not all capitals). */
  cap: boolean;
  /** First word of a sentence, line or message. */
  sentenceStart: boolean;
  /** Characters between the previous word and this one. */
  gap: string;
  /** A single capital letter, optionally followed by a dot (a middle initial). */
  initial: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '\n', '"', '“', '(', '>', '•', '*', '-']);

/** Last non-blank character of a gap, or '' when the gap is blank. */
function lastMark(gap: string): string {
  for (let k = gap.length - 1; k >= 0; k--) {
    const c = gap[k]!;
    if (c === '\n') return c;
    if (c !== ' ' && c !== '\t') return c;
  }
  return '';
}

/** Splits the scan text into words (bounded by the candidate cap times ten). */
export function wordsOf(scan: ScanText): Word[] {
  const v = scan.value;
  const out: Word[] = [];
  WORD.lastIndex = 0;
  let prevEnd = 0;
  for (let m = WORD.exec(v); m !== null && out.length < MAX_CANDIDATES * 10; m = WORD.exec(v)) {
    scan.work.steps++;
    let text = m[0];
    if (
      text.length > 2 &&
      text[text.length - 1] === 's' &&
      (text[text.length - 2] === "'" || text[text.length - 2] === '’')
    ) {
      text = text.slice(0, -2);
    }
    const gap = v.slice(prevEnd, m.index);
    const prev = out[out.length - 1];
    const first = text[0]!;
    const upperFirst = first !== first.toLowerCase();
    const initial = upperFirst && text.length === 1;
    const allCaps = text.length > 1 && text === text.toUpperCase();
    out.push({
      text,
      lower: text.toLowerCase(),
      start: m.index,
      end: m.index + text.length,
      cap: upperFirst && !allCaps,
      sentenceStart: prev === undefined || gap.includes('\n') || SENTENCE_END.has(lastMark(gap)),
      gap,
      initial,
    });
    prevEnd = m.index + m[0].length;
  }
  return out;
}
