import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CueSet, compiledCueSets } from '../../../../policies/detect/cues/cue-set.ts';
import { requiredLiterals } from '../../../../policies/detect/cues/required-literals.ts';
import { normalizeText } from '../../../../policies/detect/normalize.ts';
import '../../../../policies/index.ts';
import '../../../../worker/review/soft-signals.ts';

/** The plain alternation the prefiltered set must agree with. */
function reference(set: CueSet): RegExp {
  const unicode = set.sources.some((s) => /\\[pPu]\{/.test(s));
  return new RegExp(set.sources.map((s) => `(?:${s})`).join('|'), unicode ? 'gu' : 'g');
}

function texts(file: string, limit: number): string[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(0, limit)
    .map((l) => normalizeText((JSON.parse(l) as { text: string }).text).folded);
}

describe('required literals', () => {
  it('requires the literal words every match contains', () => {
    expect(requiredLiterals('\\b(kill|killing|hang)\\s+myself\\b', false)).toContainEqual(['myself']);
    const both = requiredLiterals('\\b(want|wanna)\\s+to\\s+die\\b', false).flat();
    expect(both).toEqual(expect.arrayContaining(['want', 'wanna', 'die']));
  });

  it('requires nothing when a part is optional or an alternative has no literal', () => {
    expect(requiredLiterals('(?:kill)?\\s+\\w+', false)).toEqual([]);
    expect(requiredLiterals('kill\\w+|\\d{4}', false)).toEqual([]);
  });

  it('expands small exact sets such as optional letters and short classes', () => {
    expect(requiredLiterals('\\bblades?\\b', false)[0]).toEqual(expect.arrayContaining(['blade', 'blades']));
    expect(requiredLiterals('\\bsterili[sz]ed\\b', false)[0]).toEqual(
      expect.arrayContaining(['sterilised', 'sterilized']),
    );
  });
});

describe('cue sets', () => {
  it('refuses upper-case patterns, which would never match folded text', () => {
    expect(() => new CueSet(['\\bKill\\b'])).toThrow(/upper-case/);
  });

  it('finds leftmost non-overlapping matches, earlier cues winning ties', () => {
    const set = new CueSet(['\\bchest\\s+pain\\b', '\\bchest\\b', '\\bpain\\s+in\\s+my\\s+arm\\b']);
    expect(set.matchAll('chest pain in my arm, chest again')).toEqual([
      { start: 0, end: 10 },
      { start: 22, end: 27 },
    ]);
    expect(set.test('my arm hurts')).toBe(false);
    expect(set.test('pain in my arm')).toBe(true);
  });

  it('tests a part of a text as a text of its own', () => {
    const set = new CueSet(['^pain\\b', '\\barm$']);
    const text = 'chest pain in my arm today';
    expect(set.test(text, 6, 20)).toBe(true);
    expect(set.test(text, 0, 10)).toBe(false);
  });

  it('agrees with plain regex matching for every compiled set of the policies on real messages', () => {
    const corpus = [
      ...texts('../shared/datasets/scenarios/dev.jsonl', 400),
      ...texts('../shared/datasets/openai_moderation/dev.jsonl', 600),
      ...texts('../shared/datasets/hatecheck/dev.jsonl', 600),
    ];
    const sets = compiledCueSets();
    expect(sets.length).toBeGreaterThan(20);
    let positives = 0;
    const disagreements: string[] = [];
    for (const set of sets) {
      const re = reference(set);
      for (const text of corpus) {
        re.lastIndex = 0;
        const expected = re.test(text);
        if (expected) positives++;
        if (set.test(text) !== expected) disagreements.push(`${set.sources[0]!.slice(0, 60)} on a text`);
        const start = Math.floor(text.length / 3);
        re.lastIndex = 0;
        if (set.test(text, start) !== re.test(text.slice(start)))
          disagreements.push(`${set.sources[0]!.slice(0, 60)} on a part`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(positives).toBeGreaterThan(100);
  });
});

describe('literal scanner', () => {
  it('reports exactly the literals that occur, overlapping ones included', async () => {
    const { LiteralScanner } = await import('../../../../policies/detect/cues/literal-scanner.ts');
    const literals = ['he', 'she', 'his', 'hers', 'ushers', 'é', 'ab', 'abab', 'b'];
    const scanner = new LiteralScanner(literals);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const alphabet = 'abhesru é';
    for (let n = 0; n < 300; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(rnd() * 30) },
        () => alphabet[Math.floor(rnd() * 9)],
      ).join('');
      const found = new Set<string>();
      scanner.scan(text, (id) => found.add(literals[id]!));
      expect([...found].sort()).toEqual(literals.filter((l) => text.includes(l)).sort());
    }
  });
});
