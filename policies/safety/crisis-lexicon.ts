import type { CrisisType } from '../core/finding-codes.ts';
import type { Specialty } from '../core/types.ts';
import en from './lexicon/crisis.en.json' with { type: 'json' };
import nl from './lexicon/crisis.nl.json' with { type: 'json' };
import { compileCues, type CueSet } from '../detect/cues/cue-set.ts';

/** A compiled group of crisis cues of one type (and, for emergencies and violence, one specialty). */
export interface CrisisCueGroup {
  type: CrisisType;
  specialty: Specialty | null;
  pattern: CueSet;
}

/** A language's compiled crisis lexicon: cues, figures of speech, helper phrases and first-person words. */
export interface CrisisLexicon {
  lang: string;
  groups: CrisisCueGroup[];
  figurative: CueSet | null;
  laughter: CueSet | null;
  conditionalFrames: CueSet | null;
  distressIdioms: CueSet | null;
  helper: CueSet | null;
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
      pattern: compileCues(g.patterns)!,
    })),
    figurative: compileCues(raw.figurative),
    laughter: compileCues(raw.laughter),
    conditionalFrames: compileCues(raw.conditional_frames),
    distressIdioms: compileCues(raw.distress_idioms),
    helper: compileCues(raw.helper),
    firstPerson: new RegExp(raw.first_person),
  };
}

/** Crisis lexicons for every supported language; adding a language is adding a JSON file here. */
export const CRISIS_LEXICONS: readonly CrisisLexicon[] = [
  compile(en as RawLexicon),
  compile(nl as RawLexicon),
];
