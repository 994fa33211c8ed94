import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../policies/detect/clinical/context/engine.ts';
import { splitSentences, tokenize } from '../../../../policies/detect/clinical/context/tokens.ts';

// The regex tokenizer and sentence splitter the char loops replaced, kept as the reference they must equal.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[/+]/gu;
function referenceTokens(text: string, offset: number) {
  return [...text.matchAll(WORD)].map((m) => {
    const w = m[0].toLowerCase().replace(/’/g, "'");
    const norm = w.length > 3 && w.endsWith("'s") ? w.slice(0, -2) : w;
    return {
      norm,
      owner: norm.length < m[0].length,
      start: offset + m.index,
      end: offset + m.index + m[0].length,
    };
  });
}
function referenceSentences(text: string, abbreviations: ReadonlySet<string>) {
  const out: { start: number; end: number; question: boolean }[] = [];
  const push = (start: number, end: number, question: boolean) => {
    if (referenceTokens(text.slice(start, end), start).length > 0) out.push({ start, end, question });
  };
  let start = 0;
  for (const m of text.matchAll(/[.!?;]+(?=\s|$)|\n+/g)) {
    const end = m.index + m[0].length;
    if (m[0] === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(start, m.index))?.[1];
      const acronym = before !== undefined && before.length > 1 && before === before.toUpperCase();
      if (before && !acronym && abbreviations.has(before.toLowerCase())) continue;
    }
    push(start, end, m[0].includes('?'));
    start = end;
  }
  if (start < text.length) push(start, text.length, false);
  return out;
}

const PIECES = [
  'Dr.',
  'dr.',
  'e.g.',
  'MS.',
  'mevr.',
  'I',
  'have',
  "mum's",
  'MUM’S',
  "don't",
  "it's2go",
  "a'b'c",
  'r/o',
  '+',
  '1.8',
  '2015.',
  '?!',
  '...',
  ';',
  ';x',
  '\n',
  '\n\n',
  '\u00a0',
  '\u2028',
  'Röntgen',
  'İstanbul',
  '𝐀sthma',
  '𝐀.',
  'e\u0301',
  'ΑΒΓ',
  'жар',
  '٣mg',
  '👍',
  '(',
  ')',
  ',',
  ' ',
];

function seededTexts(count: number): string[] {
  let s = 99;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 14) }, () => PIECES[Math.floor(rnd() * PIECES.length)]!).join(
      rnd() < 0.7 ? ' ' : '',
    ),
  );
}

describe('ConText sentences and tokens', () => {
  const abbreviations = new Set(['dr', 'e.g', 'mevr', 'no']);

  it('split and tokenize exactly as the regex reference does', () => {
    for (const text of [...seededTexts(3000), 'Dr. Smith said no. Really?! yes;no', 'x\u00a0y. \u2028z']) {
      const got = splitSentences(text, abbreviations).map((s) => ({
        ...s,
        tokens: tokenize(text, s.start, s.end),
      }));
      const want = referenceSentences(text, abbreviations).map((s) => ({
        ...s,
        tokens: referenceTokens(text.slice(s.start, s.end), s.start),
      }));
      expect({ text, got }).toEqual({ text, got: want });
    }
  });

  it('reads a sentence only when asked, and the same way every time', () => {
    const a = analyse('No fever. My mother had a stroke in 2015. What if it is asthma?', 'en');
    expect(a.sentences.map((s) => s.question)).toEqual([false, false, true]);
    expect(a.sentence(1).tokens.map((t) => t.norm)).toEqual([
      'my',
      'mother',
      'had',
      'a',
      'stroke',
      'in',
      '2015',
    ]);
    expect(a.sentence(1)).toBe(a.sentence(1));
    expect(a.matches(1).length).toBeGreaterThan(0);
  });
});
