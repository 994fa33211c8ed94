import type { CrisisType } from '../core/finding-codes.ts';
import type { Specialty } from '../core/types.ts';
import en from './lexicon/crisis.en.json' with { type: 'json' };
import nl from './lexicon/crisis.nl.json' with { type: 'json' };
import { compileAlternation } from './match-text.ts';

/** A compiled group of crisis cues of one type (and, for emergencies and violence, one specialty). */
export interface CrisisCueGroup {
  type: CrisisType;
  specialty: Specialty | null;
  pattern: RegExp;
}

/** A language's compiled crisis lexicon: cues, figures of speech, helper phrases and first-person words. */
export interface CrisisLexicon {
  lang: string;
  groups: CrisisCueGroup[];
  figurative: RegExp | null;
  laughter: RegExp | null;
  conditionalFrames: RegExp | null;
  distressIdioms: RegExp | null;
  helper: RegExp | null;
  firstPerson: RegExp;
}

interface RawLexicon {
  lang: string;
  groups: { type: string; specialty?: string; patterns: string[] }[];
  figurative: string[];
  laughter: string[];
  conditional_frames: string[];
  distress_idioms: string[];
  helper: string[];
  first_person: string;
}

function compile(raw: RawLexicon): CrisisLexicon {
  return {
    lang: raw.lang,
    groups: raw.groups.map((g) => ({
      type: g.type as CrisisType,
      specialty: (g.specialty ?? null) as Specialty | null,
      pattern: compileAlternation(g.patterns)!,
    })),
    figurative: compileAlternation(raw.figurative),
    laughter: compileAlternation(raw.laughter),
    conditionalFrames: compileAlternation(raw.conditional_frames),
    distressIdioms: compileAlternation(raw.distress_idioms),
    helper: compileAlternation(raw.helper),
    firstPerson: new RegExp(raw.first_person, 'iu'),
  };
}

/** Crisis lexicons for every supported language; adding a language is adding a JSON file here. */
export const CRISIS_LEXICONS: readonly CrisisLexicon[] = [
  compile(en as RawLexicon),
  compile(nl as RawLexicon),
];
