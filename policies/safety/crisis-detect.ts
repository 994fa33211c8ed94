import { CRISIS_TYPES, type CrisisType } from '../core/finding-codes.ts';
import type { Specialty } from '../core/types.ts';
import type { NormalizedText } from '../detect/normalize.ts';
import { combineConfidences, cueConfidence } from './crisis-confidence.ts';
import { type CrisisRuleOut, crisisRuleOut, isSelfTalk } from './crisis-context.ts';
import { CRISIS_LEXICONS } from './crisis-lexicon.ts';
import { sentenceAround } from './match-text.ts';

/** One crisis signal: its type, the lexicon language that found it, a suggested specialty, its span and confidence. */
export interface CrisisSignal {
  type: CrisisType;
  lang: string;
  specialty: Specialty | null;
  span: [number, number];
  /** Confidence that the message shows this type of crisis, all its standing cues together (0..1). */
  confidence: number;
}

/** Every crisis cue of a message, standing or ruled out, with the confidence it would carry if it stood. */
export interface CrisisCueHit {
  type: CrisisType;
  lang: string;
  specialty: Specialty | null;
  /** Range in the normalized text. */
  start: number;
  end: number;
  confidence: number;
  ruledOut: CrisisRuleOut;
}

const CHILD =
  /\b(child|children|kid|kids|baby|babies|toddler|infant|newborn|son|daughter|little\s+one|little\s+(?:brother|sister)|broertje|zusje|\d+[-\s]year[-\s]old|\d+\s*yo|\d+[-\s](?:week|month)[-\s]old|kind|kinderen|kindje|baby'tje|peuter|kleuter|zuigeling|pasgeborene|zoon|zoontje|dochter|dochtertje)\b/;

type Ranked = { group: { confidence: number }; start: number; end: number };
/** Whether cue `a` (index `i`) outranks cue `b` (index `j`): higher confidence, then longer, then earlier. */
const stronger = (a: Ranked, i: number, b: Ranked, j: number) =>
  a.group.confidence !== b.group.confidence
    ? a.group.confidence > b.group.confidence
    : a.end - a.start !== b.end - b.start
      ? a.end - a.start > b.end - b.start
      : i < j;

/** Drops a cue that overlaps a stronger one of the same type (two patterns reading the same words are one cue). */
function distinct<T extends { group: { type: CrisisType; confidence: number }; start: number; end: number }>(
  raw: readonly T[],
): T[] {
  return raw.filter(
    (r, i) =>
      !raw.some(
        (o, j) =>
          j !== i &&
          o.group.type === r.group.type &&
          o.start < r.end &&
          r.start < o.end &&
          stronger(o, j, r, i),
      ),
  );
}

/** Scans every supported language's lexicon and checks each cue's context; nothing is dropped here. */
export function scanCrisis(text: NormalizedText): CrisisCueHit[] {
  const folded = text.folded;
  const hits: CrisisCueHit[] = [];
  for (const lex of CRISIS_LEXICONS) {
    const raw: { group: (typeof lex.groups)[number]; start: number; end: number }[] = [];
    for (const group of lex.groups) {
      for (const m of group.pattern.matchAll(folded)) raw.push({ group, start: m.start, end: m.end });
    }
    for (const { group, start, end } of distinct(raw)) {
      const others = raw
        .filter((r) => r.start !== start || r.end !== end)
        .map((r): [number, number] => [r.start, r.end]);
      const intent = group.type !== 'medical_emergency';
      const ruledOut = crisisRuleOut(lex, text.value, folded, { start, end, intent, others });
      const [s, e] = sentenceAround(folded, start, end);
      const self = isSelfTalk(lex, folded.slice(s, e));
      hits.push({
        type: group.type,
        lang: lex.lang,
        specialty: group.specialty,
        start,
        end,
        confidence: cueConfidence(lex, folded, group, { start, end, self }),
        ruledOut,
      });
    }
  }
  return hits;
}

/** Finds crisis signals in every supported language; cues ruled out by context are dropped. Sorted most pressing first. */
export function detectCrisis(text: NormalizedText): CrisisSignal[] {
  return signalsOf(text, scanCrisis(text));
}

/** The standing signals among scanned hits, each with its type's combined confidence. */
export function signalsOf(text: NormalizedText, hits: readonly CrisisCueHit[]): CrisisSignal[] {
  const standing = hits.filter((h) => h.ruledOut === null);
  const byType = new Map<CrisisType, number>();
  for (const type of CRISIS_TYPES) {
    const own = standing.filter((h) => h.type === type).map((h) => h.confidence);
    if (own.length) byType.set(type, combineConfidences(own));
  }
  const signals: CrisisSignal[] = standing.map((h) => ({
    type: h.type,
    lang: h.lang,
    specialty: h.specialty,
    span: text.toOriginal(h.start, h.end),
    confidence: byType.get(h.type)!,
  }));
  const child = signals.length > 0 && CHILD.test(text.folded);
  standing.forEach((h, i) => {
    const s = signals[i]!;
    if (s.type === 'suicide_risk' || s.type === 'self_harm') s.specialty = 'psychiatry';
    else if (s.specialty === 'psychiatry' || s.specialty === 'obstetrics') return;
    // Abuse concerns a child when the child is the one hurt ("hits my little brother"), not a bystander
    // ("slapped me in front of the kids"); an emergency concerns a child whenever one is named.
    else if (s.type === 'violence_or_abuse' ? CHILD.test(text.folded.slice(h.start, h.end + 20)) : child)
      s.specialty = 'pediatrics';
  });
  return signals.sort(
    (a, b) => CRISIS_TYPES.indexOf(a.type) - CRISIS_TYPES.indexOf(b.type) || a.span[0] - b.span[0],
  );
}
