import type { NormalizedText } from '../detect/normalize.ts';
import { CRISIS_TYPES, type CrisisType } from '../core/finding-codes.ts';
import type { Specialty } from '../core/types.ts';
import { crisisRuleOut } from './crisis-context.ts';
import { CRISIS_LEXICONS } from './crisis-lexicon.ts';

/** One crisis signal: its type, the lexicon language that found it, a suggested specialty and its span in the original text. */
export interface CrisisSignal {
  type: CrisisType;
  lang: string;
  specialty: Specialty | null;
  span: [number, number];
}

const CHILD =
  /\b(child|children|kid|kids|baby|babies|toddler|infant|newborn|son|daughter|little\s+one|\d+[-\s]year[-\s]old|kind|kinderen|kindje|baby'tje|peuter|kleuter|zuigeling|pasgeborene|zoon|zoontje|dochter|dochtertje)\b/;

/** Finds crisis signals in every supported language; cues ruled out by context are dropped. Sorted most pressing first. */
export function detectCrisis(text: NormalizedText): CrisisSignal[] {
  const folded = text.folded;
  const signals: CrisisSignal[] = [];
  for (const lex of CRISIS_LEXICONS) {
    const raw: { group: (typeof lex.groups)[number]; start: number; end: number }[] = [];
    for (const group of lex.groups) {
      for (const m of group.pattern.matchAll(folded)) raw.push({ group, start: m.start, end: m.end });
    }
    for (const { group, start, end } of raw) {
      const others = raw
        .filter((r) => r.start !== start || r.end !== end)
        .map((r): [number, number] => [r.start, r.end]);
      const intent = group.type !== 'medical_emergency';
      if (crisisRuleOut(lex, text.value, folded, { start, end, intent, others })) continue;
      signals.push({
        type: group.type,
        lang: lex.lang,
        specialty: group.specialty,
        span: text.toOriginal(start, end),
      });
    }
  }
  const child = signals.length > 0 && CHILD.test(folded);
  for (const s of signals) {
    if (s.type === 'suicide_risk' || s.type === 'self_harm') s.specialty = 'psychiatry';
    else if (child && s.specialty !== 'psychiatry' && s.specialty !== 'obstetrics')
      s.specialty = 'pediatrics';
  }
  return signals.sort(
    (a, b) => CRISIS_TYPES.indexOf(a.type) - CRISIS_TYPES.indexOf(b.type) || a.span[0] - b.span[0],
  );
}
