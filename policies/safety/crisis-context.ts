import { assertionFor } from '../detect/clinical/assertion.ts';
import type { CrisisLexicon } from './crisis-lexicon.ts';
import { sentenceAround, testCues } from './match-text.ts';

/** Why a crisis cue was ruled out, or null when it stands. */
export type CrisisRuleOut = 'negated' | 'hypothetical' | 'historical' | 'figurative' | 'helper' | null;

/** One crisis cue match to check: its range in the text, whether its type expresses intent, and the other cue ranges. */
export interface CrisisCueAt {
  start: number;
  end: number;
  /** Suicide risk, self-harm and violence express intent; a first-person plan is the signal, not a hypothetical. */
  intent: boolean;
  /** Other crisis cue matches in the message (masked when re-checking, so they are not read as negation cues). */
  others: readonly [number, number][];
}

const maskRange = (text: string, from: number, to: number, lead = '') =>
  text.slice(0, from) + lead.slice(0, to - from).padEnd(to - from, 'x') + text.slice(to);

/**
 * Rules a crisis cue out by context. Negation, hypothetical and historical status come from the shared ConText
 * engine (`assertionFor`); family status does not rule a crisis out (a partner's stroke or a sister's suicide plan
 * is still a crisis). Figures of speech next to the cue, laughter in its sentence and helpers pointing to a helpline
 * without speaking about themselves are crisis-specific and checked here.
 * `text` is the normalized text; `folded` its case-folded copy of the same length.
 */
export function crisisRuleOut(
  lex: CrisisLexicon,
  text: string,
  folded: string,
  cue: CrisisCueAt,
): CrisisRuleOut {
  const { start, end } = cue;
  const [sStart, sEnd] = sentenceAround(folded, start, end);
  const sentence = folded.slice(sStart, sEnd);
  const nearStart = Math.max(sStart, start - 20);
  const nearEnd = Math.min(sEnd, end + 25);
  if (testCues(lex.figurative, folded, nearStart, nearEnd) || testCues(lex.laughter, folded, sStart, sEnd))
    return 'figurative';
  if (testCues(lex.helper, folded) && !lex.firstPerson.test(sentence)) return 'helper';
  const lang = lex.lang === 'nl' ? 'nl' : 'en';
  // Asking what to do does not make an emergency hypothetical: read a question as a statement.
  const stated = text[sEnd] === '?' ? `${text.slice(0, sEnd)}.${text.slice(sEnd + 1)}` : text;
  let assertion = assertionFor(stated, [start, end], lang);
  if (assertion === 'negated' || assertion === 'hypothetical') {
    // Words inside crisis phrases ("better off if I was gone", "ik wil niet meer leven", "ik kan niet meer") read as
    // negation or hypothetical cues; re-check with every crisis phrase and distress idiom masked (keeping a
    // first-person anchor on this one) so that only the remaining context decides.
    let masked = stated;
    for (const [s, e] of cue.others) masked = maskRange(masked, s, e);
    if (lex.distressIdioms) {
      for (const m of lex.distressIdioms.matchAll(folded)) masked = maskRange(masked, m.start, m.end);
    }
    assertion = assertionFor(maskRange(masked, start, end, 'i '), [start, end], lang);
  }
  if (assertion === 'hypothetical' && cue.intent && lex.firstPerson.test(sentence)) {
    // Plans and intentions are "hypothetical" in the labelling guide, yet for suicide, self-harm and threats they
    // are the signal itself: a first-person intent stands unless it sits in a conditional frame ("if I ever …").
    if (!testCues(lex.conditionalFrames, folded, sStart, sEnd)) return null;
  }
  if (assertion === 'negated' || assertion === 'hypothetical' || assertion === 'historical') return assertion;
  return null;
}
