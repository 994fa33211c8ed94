import type { ConceptMention } from '../../policies/core/types.ts';
import { detectConcepts, guessLanguage } from '../../policies/detect/clinical/index.ts';
import type { NormalizedText } from '../../policies/detect/normalize.ts';
import { crisisRuleOut } from '../../policies/safety/crisis-context.ts';
import { CRISIS_LEXICONS } from '../../policies/safety/crisis-lexicon.ts';
import { testCues } from '../../policies/safety/match-text.ts';

/**
 * Soft signals: hints of a crisis the rules deliberately did not act on, which is where sarcasm and indirect
 * language hide. `crisis_ruled_out.<why>`: a crisis cue matched but context ruled it out (figurative, negated,
 * hypothetical, historical). `distress_idiom`: "I can't cope anymore", "ik kan niet meer" and the like.
 * `crisis_topic`: suicide, self-harm or an overdose is mentioned (clinical lexicon, any assertion) but no crisis
 * cue stood: talking about a topic and being in crisis are hard to tell apart by rule.
 * A helper pointing others to a helpline is not a signal (nor is the topic they name): common, and not ambiguous.
 */
export type SoftSignal =
  | `crisis_ruled_out.${'negated' | 'hypothetical' | 'historical' | 'figurative'}`
  | 'distress_idiom'
  | 'crisis_topic';

/** Clinical concepts whose mention is a crisis topic. */
export const CRISIS_TOPICS: ReadonlySet<string> = new Set([
  'suicide',
  'suicidal ideation',
  'suicide attempt',
  'self-harm',
  'overdose',
]);

/** The soft signals in a message (EN and NL lexicons), each once; pass the message's concepts if already known. Pure. */
export function softSignals(text: NormalizedText, concepts?: readonly ConceptMention[]): SoftSignal[] {
  const folded = text.folded;
  const out = new Set<SoftSignal>();
  let helper = false;
  for (const lex of CRISIS_LEXICONS) {
    const cues: { start: number; end: number; intent: boolean }[] = [];
    for (const group of lex.groups) {
      for (const m of group.pattern.matchAll(folded))
        cues.push({ start: m.start, end: m.end, intent: group.type !== 'medical_emergency' });
    }
    for (const cue of cues) {
      const others = cues.filter((c) => c !== cue).map((c): [number, number] => [c.start, c.end]);
      const why = crisisRuleOut(lex, text.value, folded, { ...cue, others });
      if (why === 'helper') helper = true;
      else if (why) out.add(`crisis_ruled_out.${why}`);
    }
    if (testCues(lex.distressIdioms, folded)) out.add('distress_idiom');
  }
  const mentions = concepts ?? detectConcepts(text, guessLanguage(text.value));
  if (!helper && mentions.some((c) => CRISIS_TOPICS.has(c.concept))) out.add('crisis_topic');
  return [...out];
}
