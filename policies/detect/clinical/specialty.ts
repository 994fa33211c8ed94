import type { ConceptMention, Specialty } from '../../core/types.ts';
import { formKey, matchTokens } from './match-tokens.ts';
import rules from './specialty-rules.json' with { type: 'json' };

type Lang = 'en' | 'nl';

const PSYCH = new Set(rules.psychiatry);
const ADHD = new Set(rules.adhd);
const PEDIATRIC = new Set(rules.pediatrics);
const PREGNANCY = new Set(rules.pregnancy);
const BY_CONCEPT = new Map<string, Specialty>();
for (const [specialty, names] of Object.entries(rules.byConcept)) {
  for (const n of names) BY_CONCEPT.set(n, specialty as Specialty);
}
const CUES: Record<string, Record<string, string[]>> = Object.fromEntries(
  Object.entries(rules.cues).map(([lang, groups]) => [
    lang,
    Object.fromEntries(Object.entries(groups).map(([g, list]) => [g, list.map(formKey)])),
  ]),
);

function hasCue(padded: string, lang: Lang, group: string): boolean {
  return (CUES[lang]?.[group] ?? []).some((cue) => padded.includes(` ${cue} `));
}

function byCode(code: string | undefined): Specialty | null {
  if (!code) return null;
  const [system, value = ''] = code.split(':');
  const table: Record<string, string> | undefined =
    system === 'ICD10' ? rules.icd10 : system === 'ATC' ? rules.atc : undefined;
  if (!table) return null;
  for (let n = Math.min(4, value.length); n >= 1; n--) {
    const hit = table[value.slice(0, n)];
    if (hit) return hit as Specialty;
  }
  return null;
}

/** The specialty a concept belongs to, from the explicit table or its ICD-10 / ATC code. */
export function specialtyOfConcept(m: Pick<ConceptMention, 'concept' | 'code'>): Specialty | null {
  if (PSYCH.has(m.concept)) return 'psychiatry';
  return BY_CONCEPT.get(m.concept) ?? byCode(m.code);
}

const WEIGHT: Record<ConceptMention['kind'], number> = {
  condition: 3,
  symptom: 2,
  medication: 1,
  procedure: 1,
};

/**
 * Suggests who should answer, in the scenarios guide's order: psychiatry, then anything about a child,
 * then practical medicine questions (pharmacy), then the specialty of the concepts discussed, else general practice.
 * Whether a professional is needed at all is the caller's decision; a known `crisis` type sharpens the choice.
 */
export function suggestSpecialty(
  mentions: readonly ConceptMention[],
  context: { text: string; lang: Lang; crisis?: string },
): Specialty | null {
  if (context.crisis === 'suicide_risk' || context.crisis === 'self_harm') return 'psychiatry';
  const padded = ` ${matchTokens(context.text)
    .map((t) => t.key)
    .join(' ')} `;
  const lang = context.lang;
  const child = hasCue(padded, lang, 'child') || mentions.some((m) => PEDIATRIC.has(m.concept));
  const adhd = mentions.some((m) => ADHD.has(m.concept));
  if (mentions.some((m) => PSYCH.has(m.concept)) || hasCue(padded, lang, 'psychiatry') || (adhd && !child)) {
    return 'psychiatry';
  }
  // An expected baby is the obstetrician's, not the paediatrician's.
  if (mentions.some((m) => PREGNANCY.has(m.concept)) || hasCue(padded, lang, 'pregnancy'))
    return 'obstetrics';
  if (child) return 'pediatrics';
  if (mentions.some((m) => m.kind === 'medication') && hasCue(padded, lang, 'pharmacy')) return 'pharmacy';
  const score = new Map<Specialty, number>();
  for (const m of mentions) {
    const s = specialtyOfConcept(m);
    if (s) score.set(s, (score.get(s) ?? 0) + WEIGHT[m.kind]);
  }
  let best: Specialty | null = null;
  for (const [s, v] of score) if (best === null || v > score.get(best)!) best = s;
  return best ?? 'general_practice';
}
