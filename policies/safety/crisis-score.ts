import { CRISIS_TYPES, type CrisisType, crisisCode } from '../core/finding-codes.ts';
import type { NormalizedText } from '../detect/normalize.ts';
import type { CrisisRuleOut } from './crisis-context.ts';
import { type CrisisCueHit, scanCrisis, signalsOf } from './crisis-detect.ts';
import { CRISIS_LEXICONS } from './crisis-lexicon.ts';
import { testCues } from './match-text.ts';

/**
 * Weight of a cue that context ruled out: a hypothetical or past crisis is still closer to one than a joke.
 * Soft evidence stays below every standing signal (SOFT_CAP), so it only orders the messages Ward does not act on.
 */
const RULED_OUT_WEIGHT: Record<Exclude<CrisisRuleOut, null>, number> = {
  figurative: 0.15,
  helper: 0.1,
  negated: 0.2,
  hypothetical: 0.4,
  historical: 0.4,
};
const SOFT_CAP = 0.35;
/** "I can't cope anymore", "ik kan niet meer": distress without a crisis cue. */
const DISTRESS = 0.3;
/** The topic is named (suicide, cutting, an overdose, a beating) in any context. */
const TOPIC = 0.15;

/**
 * A graded score per crisis type in [0, 1] for ranking messages (eval AUPRC): the confidence of standing signals,
 * else soft evidence — ruled-out cues, distress idioms, topic mentions — that Ward never acts on. Pure.
 */
export function crisisScores(
  text: NormalizedText,
  hits?: readonly CrisisCueHit[],
): Record<CrisisType, number> {
  const all = hits ?? scanCrisis(text);
  const scores = Object.fromEntries(CRISIS_TYPES.map((t) => [t, 0])) as Record<CrisisType, number>;
  const raise = (type: CrisisType, value: number) => {
    scores[type] = Math.max(scores[type], value);
  };
  for (const s of signalsOf(text, all)) raise(s.type, s.confidence);
  for (const h of all) {
    if (h.ruledOut) raise(h.type, Math.min(SOFT_CAP, h.confidence * RULED_OUT_WEIGHT[h.ruledOut]));
  }
  for (const lex of CRISIS_LEXICONS) {
    if (testCues(lex.distressIdioms, text.folded)) raise('suicide_risk', DISTRESS);
    for (const topic of lex.topics) if (topic.pattern.test(text.folded)) raise(topic.type, TOPIC);
  }
  return scores;
}

/** Graded scores keyed by finding code (`crisis.<type>`), for eval's AUPRC; see `crisisScores`. */
export function softScores(text: NormalizedText): Record<string, number> {
  const scores = crisisScores(text);
  return Object.fromEntries(CRISIS_TYPES.map((t) => [crisisCode(t), scores[t]]));
}
