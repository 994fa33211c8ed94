import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../../policies/detect/pii/name-tokens.ts';
import { NUMBER_WORD } from '../../../../policies/detect/pii/number-words.ts';
import { digitRunsOf, mayHaveSpokenNumber, textIndexOf } from '../../../../policies/detect/pii/text-index.ts';
import type { ScanText } from '../../../../policies/detect/pii/types.ts';

/** A scan as detectPii builds it (lower-cased without changing length). */
function scanOf(value: string): ScanText {
  const lower = value.toLowerCase();
  return {
    value,
    lower: lower.length === value.length ? lower : value,
    locale: 'en-GB',
    work: { steps: 0 },
    index: undefined,
  };
}

// The definitions the hand-written pass must agree with.
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const SPOKEN_RUN = new RegExp(
  String.raw`(?<![\p{L}])${NUMBER_WORD}[\s,.-]+${NUMBER_WORD}[\s,.-]+${NUMBER_WORD}(?![\p{L}])`,
  'u',
);

/** [start, end without a possessive 's] of every word, by the regex. */
function regexWords(text: string): [number, number][] {
  return [...text.matchAll(WORD)].map((m) => {
    const w = m[0];
    const possessive = w.length > 2 && w.endsWith('s') && (w.at(-2) === "'" || w.at(-2) === '’');
    return [m.index, m.index + w.length - (possessive ? 2 : 0)];
  });
}

// Pieces that exercise the word rules: joiners, possessives, marks, astral letters, digits, number words.
const PIECES =
  " |  |\n|\t|\u00a0|.|,|-|'|’|@|#|/|(|)|\"|“|Anna|Anna's|O’Connor|Bowers-Smith|ÉMILE|e\u0301|İnci|𝐀b|😀|x|de|Dr.|06-12345678|12|3|2020|één|nul|zes|twee|one|two|three|oh|o|twenty|seventeen|zestig|pretty|canteen|ty|tig|ONE".split(
    '|',
  );
// Number words and what may stand between them, for the spoken-number check.
const NUMBER_PIECES =
  " |, |.|-|  |\n|'|😀|x|één|nul|zes|twee|one|two|three|oh|o|twenty|seventeen|zestig|pretty|canteen|é|1".split(
    '|',
  );

/** Seeded pseudo-random texts built from `pieces`, a space after about half of them. */
function* samples(count: number, pieces: readonly string[] = PIECES): Generator<string> {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let k = 0; k < count; k++) {
    let text = '';
    const length = 1 + (next() % 14);
    for (let j = 0; j < length; j++) text += pieces[next() % pieces.length] + (next() % 2 ? ' ' : '');
    yield text;
  }
}

describe('text index', () => {
  it('finds the same words as the word pattern, possessive aside', () => {
    for (const text of samples(3000)) {
      const words = wordsOf(scanOf(text));
      const found: [number, number][] = [];
      for (let i = 0; i < words.length; i++) found.push([words.startAt(i), words.endAt(i)]);
      expect(found, text).toEqual(regexWords(text));
    }
  });

  it('marks capitals, initials and sentence starts', () => {
    const words = wordsOf(scanOf('Hi Anna. I met J van der BERG:\nok'));
    const flags = Array.from({ length: words.length }, (_, i) => {
      const w = words.at(i)!;
      return [w.text, w.cap, w.initial, w.sentenceStart];
    });
    expect(flags).toEqual([
      ['Hi', true, false, true],
      ['Anna', true, false, false],
      ['I', true, true, true],
      ['met', false, false, false],
      ['J', true, true, false],
      ['van', false, false, false],
      ['der', false, false, false],
      ['BERG', false, false, false],
      ['ok', false, false, true],
    ]);
  });

  it('stops the word list at the cap and says so', () => {
    expect(textIndexOf(scanOf('a '.repeat(5000))).wordsCapped).toBe(true);
    expect(wordsOf(scanOf('a '.repeat(50))).capped).toBe(false);
  });

  it('finds the same digit runs as /\\d+/', () => {
    for (const text of samples(1000)) {
      const runs = digitRunsOf(scanOf(text));
      const expected = [...text.matchAll(/\d+/g)];
      expect(runs.starts, text).toEqual(expected.map((m) => m.index));
      expect(runs.ends, text).toEqual(expected.map((m) => m.index + m[0].length));
    }
  });

  it('never rules out a spoken number that the pattern finds', () => {
    let positives = 0;
    for (const text of samples(5000, NUMBER_PIECES)) {
      const scan = scanOf(text);
      if (SPOKEN_RUN.test(scan.lower)) {
        positives++;
        expect(mayHaveSpokenNumber(scan), text).toBe(true);
      }
    }
    expect(positives).toBeGreaterThan(50);
    expect(mayHaveSpokenNumber(scanOf('nul zes, twaalf vierendertig'))).toBe(true);
    expect(mayHaveSpokenNumber(scanOf('one of the two options'))).toBe(false);
  });
});
