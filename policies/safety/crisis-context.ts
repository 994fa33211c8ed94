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
 * Whether the sentence speaks about the author: a first-person word, or no subject at all, as in chat shorthand
 * ("cut again last night", "weer gekrast") where the dropped subject is the writer.
 */
export function isSelfTalk(lex: CrisisLexicon, sentence: string): boolean {
  return lex.firstPerson.test(sentence) || !lex.otherPerson.test(sentence);
}

/** Negation, hypothesis and time read by ConText, with crisis phrases masked so their own words are not read as cues. */
function contextAssertion(lex: CrisisLexicon, text: string, folded: string, sEnd: number, cue: CrisisCueAt) {
  const { start, end } = cue;
  const lang = lex.lang === 'nl' ? 'nl' : 'en';
  // Asking what to do does not make an emergency hypothetical: read a question as a statement.
  const stated = text[sEnd] === '?' ? `${text.slice(0, sEnd)}.${text.slice(sEnd + 1)}` : text;
  let assertion = assertionFor(stated, [start, end], lang);
  if (assertion === 'negated' || assertion === 'hypothetical') {
    // Words inside crisis phrases ("better off if I was gone", "ik wil niet meer leven", "ik kan niet meer") read as
    // negation or hypothetical cues; re-check with every crisis phrase and distress idiom masked (keeping a
    // first-person anchor on this one, which also anchors a sentence whose subject was dropped).
    let masked = stated;
    for (const [s, e] of cue.others) masked = maskRange(masked, s, e);
    for (const set of [lex.distressIdioms, lex.maskPhrases]) {
      if (set) for (const m of set.matchAll(folded)) masked = maskRange(masked, m.start, m.end);
    }
    assertion = assertionFor(maskRange(masked, start, end, lang === 'nl' ? 'ik ' : 'i '), [start, end], lang);
  }
  return assertion;
}

/**
 * Rules a crisis cue out by context. Negation, hypothetical and historical status come from the shared ConText
 * engine (`assertionFor`); family status does not rule a crisis out (a partner's stroke or a sister's suicide plan
 * is still a crisis). Figures of speech next to the cue, laughter in its sentence, helpers pointing to a helpline
 * without speaking about themselves, reported screening questions, a negation after the cue ("… and I haven't")
 * and past-episode markers without a sign that it is happening again are crisis-specific and checked here.
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
  const self = isSelfTalk(lex, sentence);
  if (testCues(lex.helper, folded) && !self) return 'helper';
  if (testCues(lex.reportedQuestion, folded, sStart, start)) return 'hypothetical';
  if (testCues(lex.negatedBefore, folded, sStart, start) || testCues(lex.negatedAfter, folded, end, sEnd))
    return 'negated';
  const recent = testCues(lex.recent, folded, sStart, sEnd);
  if (!recent && testCues(lex.historical, folded, sStart, sEnd)) return 'historical';
  const assertion = contextAssertion(lex, text, folded, sEnd, cue);
  if (assertion === 'hypothetical' && cue.intent && self) {
    // Plans and intentions are "hypothetical" in the labelling guide, yet for suicide, self-harm and threats they
    // are the signal itself: a first-person intent stands unless it sits in a conditional frame ("if I ever …").
    if (!testCues(lex.conditionalFrames, folded, sStart, sEnd)) return null;
  }
  if (assertion === 'historical' && recent) return null;
  if (assertion === 'negated' || assertion === 'hypothetical' || assertion === 'historical') return assertion;
  return null;
}
