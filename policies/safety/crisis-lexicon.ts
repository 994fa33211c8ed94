import type { CrisisType } from '../core/finding-codes.ts';
import type { Specialty } from '../core/types.ts';
import { compileCues, type CueSet } from '../detect/cues/cue-set.ts';
import { expandAll, type Vocabulary } from './expand-vocab.ts';
import en from './lexicon/crisis.en.json' with { type: 'json' };
import nl from './lexicon/crisis.nl.json' with { type: 'json' };

/** A compiled group of crisis cues of one type (and, for emergencies and violence, one specialty). */
export interface CrisisCueGroup {
  type: CrisisType;
  specialty: Specialty | null;
  /** How strongly a cue of this group, standing in a plain first-person statement, signals the crisis (0..1). */
  confidence: number;
  pattern: CueSet;
}

/** A language's compiled crisis lexicon: cues, figures of speech, helper phrases and context word lists. */
export interface CrisisLexicon {
  lang: string;
  groups: CrisisCueGroup[];
  figurative: CueSet | null;
  laughter: CueSet | null;
  conditionalFrames: CueSet | null;
  distressIdioms: CueSet | null;
  helper: CueSet | null;
  firstPerson: RegExp;
  /** Someone other than the author as a subject; a sentence with neither this nor a first-person word is pro-drop self-talk. */
  otherPerson: RegExp;
  /** Crisis phrasing whose words read as negation or hypothesis to ConText ("if I was gone", "nooit meer wakker"). */
  maskPhrases: CueSet | null;
  /** Markers of a past episode ("years ago", "as a teenager", "vroeger"). */
  historical: CueSet | null;
  /** Markers that an episode is current ("again", "tonight", "weer"); they cancel a historical marker. */
  recent: CueSet | null;
  /** Negation right before the cue in its sentence ("I don't [want to die]"), which ConText may miss. */
  negatedBefore: CueSet | null;
  /** Negation after the cue in its sentence ("… and honestly I haven't"). */
  negatedAfter: CueSet | null;
  /** Someone asked or screened about it ("asked whether I'd had …"): a reported question, not a statement. */
  reportedQuestion: CueSet | null;
  /** Words that make a statement less certain ("maybe", "soms"). */
  hedges: CueSet | null;
  /** Words that make a statement immediate ("tonight", "right now", "vannacht"). */
  immediacy: CueSet | null;
  /** Mentions of a crisis topic in any context, per type: evidence for a graded score only, never acted on. */
  topics: { type: CrisisType; pattern: CueSet }[];
}

interface RawLexicon {
  lang: string;
  vocab?: Record<string, string>;
  groups: { type: string; specialty?: string; confidence?: number; patterns: string[] }[];
  figurative: string[];
  laughter: string[];
  conditional_frames: string[];
  distress_idioms: string[];
  helper: string[];
  first_person: string;
  other_person?: string;
  mask_phrases?: string[];
  historical?: string[];
  recent?: string[];
  negated_before?: string[];
  negated_after?: string[];
  reported_question?: string[];
  hedges?: string[];
  immediacy?: string[];
  topics?: Record<string, string[]>;
}

/** Confidence of a group that does not state one. */
const DEFAULT_CONFIDENCE = 0.8;

function compile(raw: RawLexicon): CrisisLexicon {
  const vocab: Vocabulary = raw.vocab ?? {};
  const cues = (list: string[] | undefined) => compileCues(expandAll(list, vocab));
  return {
    lang: raw.lang,
    groups: raw.groups.map((g) => ({
      type: g.type as CrisisType,
      specialty: (g.specialty ?? null) as Specialty | null,
      confidence: g.confidence ?? DEFAULT_CONFIDENCE,
      pattern: cues(g.patterns)!,
    })),
    figurative: cues(raw.figurative),
    laughter: cues(raw.laughter),
    conditionalFrames: cues(raw.conditional_frames),
    distressIdioms: cues(raw.distress_idioms),
    helper: cues(raw.helper),
    firstPerson: new RegExp(raw.first_person),
    otherPerson: new RegExp(raw.other_person ?? '(?!)'),
    maskPhrases: cues(raw.mask_phrases),
    historical: cues(raw.historical),
    recent: cues(raw.recent),
    negatedBefore: cues(raw.negated_before),
    negatedAfter: cues(raw.negated_after),
    reportedQuestion: cues(raw.reported_question),
    hedges: cues(raw.hedges),
    immediacy: cues(raw.immediacy),
    topics: Object.entries(raw.topics ?? {}).map(([type, list]) => ({
      type: type as CrisisType,
      pattern: cues(list)!,
    })),
  };
}

/** Crisis lexicons for every supported language; adding a language is adding a JSON file here. */
export const CRISIS_LEXICONS: readonly CrisisLexicon[] = [
  compile(en as RawLexicon),
  compile(nl as RawLexicon),
];
