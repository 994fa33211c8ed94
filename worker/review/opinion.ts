import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import {
  BOUNDARY_LABELS,
  boundaryCode,
  CRISIS_TYPES,
  crisisCode,
} from '../../policies/core/finding-codes.ts';

/** What a community lets the model be asked about and raise (`review.categories` in the community config). */
export const REVIEW_CATEGORIES = ['crisis', 'boundary', 'misinformation'] as const;
/** One review category. */
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

/** The model's answer, aligned to Ward's finding codes; anything else is "no opinion". */
export const zOpinion = z.strictObject({
  crisis_type: z.enum([...CRISIS_TYPES, 'none']),
  boundary_labels: z.array(z.enum(BOUNDARY_LABELS)),
  misinformation_claim: z.string().max(200).nullable(),
  confidence: z.number().min(0).max(1),
  rationale: z.string().min(1).max(400),
});

/** A validated opinion. */
export type Opinion = z.output<typeof zOpinion>;

/** The `response_format` sent with every request: the opinion's JSON schema, strict. */
export const OPINION_RESPONSE_FORMAT = zodResponseFormat(zOpinion, 'ward_second_opinion');

/** Parses a model's message content; null when it is not a valid opinion (tolerates a fenced JSON block). */
export function parseOpinion(content: string | null | undefined): Opinion | null {
  if (!content) return null;
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    const result = zOpinion.safeParse(JSON.parse(unfenced));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** The finding codes an opinion asserts, limited to the community's categories. */
export function opinionCodes(o: Opinion, categories: readonly ReviewCategory[]): string[] {
  const codes = new Set<string>();
  if (categories.includes('crisis') && o.crisis_type !== 'none') codes.add(crisisCode(o.crisis_type));
  if (categories.includes('boundary')) {
    for (const l of o.boundary_labels) if (l !== 'misinformation') codes.add(boundaryCode(l));
  }
  const claimed =
    (o.misinformation_claim?.trim().length ?? 0) > 0 || o.boundary_labels.includes('misinformation');
  if (categories.includes('misinformation') && claimed) codes.add(boundaryCode('misinformation'));
  return [...codes];
}

/** The review category a finding code belongs to, or null (identifiers and disclosures are never sent for review). */
export function categoryOfCode(code: string): ReviewCategory | null {
  if (code.startsWith('crisis.')) return 'crisis';
  if (code === boundaryCode('misinformation')) return 'misinformation';
  if (code.startsWith('boundary.')) return 'boundary';
  return null;
}
