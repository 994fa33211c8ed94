import { describe, expect, it } from 'vitest';
import { buildFormTrie } from '../../../../policies/detect/clinical/build-form-trie.ts';
import { compoundPart } from '../../../../policies/detect/clinical/compound-part.ts';
import { conceptTable, formsFor } from '../../../../policies/detect/clinical/load-lexicon.ts';
import { findForms, type Match } from '../../../../policies/detect/clinical/match.ts';
import { casedOf, matchTokens, unleet } from '../../../../policies/detect/clinical/match-tokens.ts';
import { TokenScan } from '../../../../policies/detect/clinical/token-scan.ts';
import formsEn from '../../../../policies/detect/clinical/lexicon/forms.en.json' with { type: 'json' };
import formsNl from '../../../../policies/detect/clinical/lexicon/forms.nl.json' with { type: 'json' };

// The matcher as it was first written (joined key strings in a Map), kept here as the reference the trie must equal.
type Entry = { concept: number; cased?: string; skip: number };
function referenceIndex(lines: string): { byKey: Map<string, Entry>; lengths: Map<string, number> } {
  const byKey = new Map<string, Entry>();
  const lengths = new Map<string, number>();
  for (const line of lines.split('\n')) {
    const [key, concept, extra] = line.split('\t');
    if (!key || concept === undefined) continue;
    const entry: Entry = { concept: Number(concept), skip: 0 };
    if (extra !== undefined) {
      if (/^\d+$/.test(extra)) entry.skip = Number(extra);
      else entry.cased = extra;
    }
    byKey.set(key, entry);
    const words = key.split(' ');
    lengths.set(words[0]!, (lengths.get(words[0]!) ?? 0) | (1 << Math.min(words.length, 30)));
  }
  return { byKey, lengths };
}

function referenceFind(text: string, index: ReturnType<typeof referenceIndex>, curated: number): Match[] {
  const tokens = matchTokens(text);
  const out: Match[] = [];
  const lookup = (i: number, n: number, leet: boolean): Entry | null => {
    const keys = tokens.slice(i, i + n).map((t) => (leet ? (unleet(t.key) ?? t.key) : t.key));
    const key = keys.join(' ');
    let entry = index.byKey.get(key);
    if (!entry && key.length >= 5 && key.endsWith('s') && !key.endsWith('ss')) {
      const hit = index.byKey.get(key.slice(0, -1));
      if (hit?.cased === undefined) entry = hit;
    }
    if (!entry) return null;
    const cased = tokens
      .slice(i, i + n)
      .map((t) => casedOf(text.slice(t.start, t.end)))
      .join(' ');
    return entry.cased === undefined || entry.cased === cased ? entry : null;
  };
  let i = 0;
  while (i < tokens.length) {
    let hit: [Entry, number] | null = null;
    for (let pass = 0; pass < 2 && !hit; pass++) {
      const first = pass === 0 ? tokens[i]!.key : /\d/.test(tokens[i]!.key) ? unleet(tokens[i]!.key) : null;
      const mask = first === null ? undefined : index.lengths.get(first);
      if (mask === undefined) continue;
      for (let n = Math.min(31 - Math.clz32(mask), tokens.length - i); n >= 1 && !hit; n--) {
        const entry = (mask & (1 << n)) === 0 ? null : lookup(i, n, pass === 1);
        if (entry) hit = [entry, n];
      }
    }
    if (hit) {
      const [entry, n] = hit;
      const from = tokens[Math.min(i + entry.skip, i + n - 1)]!;
      out.push({ concept: entry.concept, start: from.start, end: tokens[i + n - 1]!.end });
      i += n;
      continue;
    }
    const w = tokens[i]!.key;
    if (curated > 0 && w.length >= 8 && !w.includes("'")) {
      let part: Match | null = null;
      for (let s = 3; s <= w.length - 5 && !part; s++) {
        const e = index.byKey.get(w.slice(s));
        if (e && e.cased === undefined && e.concept < curated)
          part = { concept: e.concept, start: tokens[i]!.start + s, end: tokens[i]!.end };
      }
      for (let e = w.length - 3; e >= 5 && !part; e--) {
        const entry = index.byKey.get(w.slice(0, e));
        if (entry && entry.cased === undefined)
          part = { concept: entry.concept, start: tokens[i]!.start, end: tokens[i]!.start + e };
      }
      if (part) out.push(part);
    }
    i++;
  }
  return withDefinedAbbreviations(text, tokens, out);
}

function withDefinedAbbreviations(
  text: string,
  tokens: ReturnType<typeof matchTokens>,
  found: Match[],
): Match[] {
  const defined = new Map<string, number>();
  for (const m of found) {
    const abbr = /^\s*\(([A-Z][A-Za-z0-9-]{1,7})\)/.exec(text.slice(m.end, m.end + 12))?.[1];
    if (abbr && /[A-Z].*[A-Z0-9]|^[A-Z]{2}/.test(abbr)) defined.set(abbr, m.concept);
  }
  const extra = tokens.flatMap((t) => {
    const concept = defined.get(text.slice(t.start, t.end));
    const taken = found.some((m) => m.start < t.end && t.start < m.end);
    return concept === undefined || taken ? [] : [{ concept, start: t.start, end: t.end }];
  });
  return extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.start - b.start);
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

// Texts built from lexicon keys with the variations the matcher must handle.
function texts(lines: string, count: number, seed: number): string[] {
  const keys = lines.split('\n').map((l) => l.split('\t')[0]!);
  const rnd = seeded(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const noise = [
    'no',
    'my',
    'the',
    'Het',
    'and',
    '(CrD)',
    'CrD',
    ',',
    '.',
    "'s",
    '’s',
    'kinder',
    'seizoen',
    'MS',
  ];
  const noiseAscii = ['4', '1', '0', 'é', 'ë', 'İ', '\u200b', '-', '/', 'ß', '𝐀'];
  const vary = (w: string): string => {
    const r = rnd();
    if (r < 0.1) return w.toUpperCase();
    if (r < 0.2) return w.charAt(0).toUpperCase() + w.slice(1);
    if (r < 0.27)
      return w.replace(/[oieast]/, (c) => ({ o: '0', i: '1', e: '3', a: '4', s: '5', t: '7' })[c]!);
    if (r < 0.34) return `${w}s`;
    if (r < 0.4) return w.replace(/ /g, '-');
    if (r < 0.46) return pick(keys).replace(/ /g, '') + pick(keys).replace(/ /g, '');
    if (r < 0.5) return w + pick(noiseAscii) + pick(keys);
    return w;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const words = Array.from({ length: 1 + Math.floor(rnd() * 10) }, () =>
      vary(rnd() < 0.6 ? pick(keys) : pick(noise)),
    );
    out.push(words.join(rnd() < 0.85 ? ' ' : ''));
  }
  return out;
}

const SMALL = [
  'chest pain\t1',
  'chest\t2',
  'chest pain radiating to arm\t3',
  'ms\t4\tMS',
  'have sugar\t5\t1',
  'brain tumor\t6',
  'tramadol\t7',
  'astma\t0',
  'hooikoorts\t1',
  'röntgen foto\t8',
  "crohn's\t9",
  'chest pain\t10',
  'type 1 diabetes\t11',
  'type 2 diabetes\t12',
  'abc def ghi\t13',
  'abc\t14',
].join('\n');

describe('form trie matcher', () => {
  it('finds the longest form, plurals, digits read as letters, case-sensitive acronyms and context words', () => {
    const trie = buildFormTrie(SMALL);
    const found = (text: string) =>
      findForms(text, trie).map((m) => [m.concept, text.slice(m.start, m.end)] as const);
    expect(found('Chest pain radiating to arm and chest-pain, chest.')).toEqual([
      [3, 'Chest pain radiating to arm'],
      [10, 'chest-pain'],
      [2, 'chest'],
    ]);
    expect(found('Brain tumors on tr4madol')).toEqual([
      [6, 'Brain tumors'],
      [7, 'tr4madol'],
    ]);
    expect(found('ms word, MS diagnosis')).toEqual([[4, 'MS']]);
    expect(found('I have sugar')).toEqual([[5, 'sugar']]);
    expect(found('Type 1 diabetes, type 2 diabetes, abc def')).toEqual([
      [11, 'Type 1 diabetes'],
      [12, 'type 2 diabetes'],
      [14, 'abc'],
    ]);
  });

  it('splits a Dutch compound on a curated head first, else on a modifier', () => {
    const trie = buildFormTrie(SMALL);
    const scan = new TokenScan();
    scan.scan('kinderastma hooikoortsseizoen');
    expect(compoundPart(trie, scan, 0, 2)).toEqual({ concept: 0, start: 6, end: 11 });
    expect(compoundPart(trie, scan, 1, 2)).toEqual({ concept: 1, start: 12, end: 22 });
    expect(compoundPart(trie, scan, 1, 1)).toEqual({ concept: 1, start: 12, end: 22 });
    expect(findForms('Het hooikoortsseizoen', trie, 2).map((m) => m.concept)).toEqual([1]);
  });

  it('keeps the last line of a key given twice and handles lines in any order', () => {
    const shuffled = SMALL.split('\n').reverse().join('\n');
    expect(findForms('chest pain', buildFormTrie(SMALL))[0]?.concept).toBe(10);
    expect(findForms('chest pain', buildFormTrie(shuffled))[0]?.concept).toBe(1);
    expect(buildFormTrie(SMALL).size).toBe(15);
  });

  it('equals the reference matcher on the shipped lexicons', () => {
    for (const [lines, seed, curated] of [
      [formsEn.forms, 1, 0],
      [formsNl.forms, 2, conceptTable.curated],
    ] as const) {
      const trie = formsFor(lines === formsEn.forms ? 'en' : 'nl');
      const index = referenceIndex(lines);
      let matches = 0;
      for (const text of texts(lines, 1500, seed)) {
        const want = referenceFind(text, index, curated);
        expect({ text, found: findForms(text, trie, curated) }).toEqual({ text, found: want });
        matches += want.length;
      }
      expect(matches).toBeGreaterThan(1500);
    }
  });
});

describe('token scan', () => {
  it('has exactly the keys and offsets of matchTokens()', () => {
    const scan = new TokenScan();
    const samples = [
      "Crohn's disease, don’t, it's, MUM’S, 2's, 123's",
      'Röntgen İstanbul straße ﬁbrosis 𝐀sthma e\u0301 ΑΒΓ жар ٣mg',
      'self-harm r/o 1.8mg tr4madol COVID19',
      ...texts(formsNl.forms, 200, 3),
    ];
    for (const text of samples) {
      scan.scan(text);
      const got = Array.from({ length: scan.count }, (_, t) => ({
        key: scan.key(t),
        start: scan.starts[t],
        end: scan.ends[t],
      }));
      expect(got).toEqual(matchTokens(text));
    }
  });
});
