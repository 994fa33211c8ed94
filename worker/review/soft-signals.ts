import type { NormalizedText } from '../../policies/detect/normalize.ts';
import { crisisRuleOut } from '../../policies/safety/crisis-context.ts';
import { CRISIS_LEXICONS } from '../../policies/safety/crisis-lexicon.ts';
import { foldCase, testRe } from '../../policies/safety/match-text.ts';

/**
 * Soft signals: hints of a crisis the rules deliberately did not act on, which is where sarcasm and indirect
 * language hide. `crisis_ruled_out.<why>`: a crisis cue matched but context ruled it out (figurative, negated,
 * hypothetical, historical, helper). `distress_idiom`: "I can't cope anymore", "ik kan niet meer" and the like.
 */
export type SoftSignal = `crisis_ruled_out.${'negated' | 'hypothetical' | 'historical' | 'figurative' | 'helper'}` | 'distress_idiom';

/** The soft signals in a message (EN and NL lexicons), each once. Pure. */
export function softSignals(text: NormalizedText): SoftSignal[] {
  const folded = foldCase(text.value);
  const out = new Set<SoftSignal>();
  for (const lex of CRISIS_LEXICONS) {
    const cues: { start: number; end: number; intent: boolean }[] = [];
    for (const group of lex.groups) {
      group.pattern.lastIndex = 0;
      for (const m of folded.matchAll(group.pattern)) {
        cues.push({ start: m.index, end: m.index + m[0].length, intent: group.type !== 'medical_emergency' });
      }
    }
    for (const cue of cues) {
      const others = cues.filter((c) => c !== cue).map((c): [number, number] => [c.start, c.end]);
      const why = crisisRuleOut(lex, text.value, folded, { ...cue, others });
      if (why) out.add(`crisis_ruled_out.${why}`);
    }
    if (testRe(lex.distressIdioms, folded)) out.add('distress_idiom');
  }
  return [...out];
}
