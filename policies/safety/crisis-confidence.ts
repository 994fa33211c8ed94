import type { CrisisCueGroup, CrisisLexicon } from './crisis-lexicon.ts';
import { sentenceAround, testCues } from './match-text.ts';

// A third-person report is as urgent, but the writer may have the details wrong.
const REPORTED = 0.05;
const IMMEDIATE = 0.05;
const HEDGED = 0.1;
// "Is it normal to want to die?" asks about a feeling the author may or may not have.
const ASKED = 0.1;

/** Confidence in [0.05, 0.99] of one standing cue: its group's strength adjusted by immediacy, hedging and who speaks. */
export function cueConfidence(
  lex: CrisisLexicon,
  folded: string,
  group: CrisisCueGroup,
  at: { start: number; end: number; self: boolean },
): number {
  const [s, e] = sentenceAround(folded, at.start, at.end);
  let c = group.confidence;
  if (testCues(lex.immediacy, folded, s, e)) c += IMMEDIATE;
  if (testCues(lex.hedges, folded, s, e)) c -= HEDGED;
  if (group.type !== 'medical_emergency') {
    if (folded[e] === '?') c -= ASKED;
    if (!at.self) c -= REPORTED;
  }
  return clamp(c);
}

/** Independent cues of one type together (noisy-OR), capped below certainty. */
export function combineConfidences(values: readonly number[]): number {
  return clamp(1 - values.reduce((p, v) => p * (1 - v), 1));
}

function clamp(c: number): number {
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}
