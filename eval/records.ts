import { z } from 'zod';

/** Data set kinds (datasets/README.md). */
export const KINDS = ['spans', 'labels', 'entities', 'qa', 'scenarios'] as const;
/** A data set kind. */
export type Kind = (typeof KINDS)[number];

const zOffsetSpan = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  type: z.string().min(1),
});

/** A `spans` record. */
export const zSpansRecord = z.object({ id: z.string(), text: z.string(), spans: z.array(zOffsetSpan) });
/** An `entities` record. */
export const zEntitiesRecord = z.object({ id: z.string(), text: z.string(), entities: z.array(zOffsetSpan) });
/** A `labels` record; a label missing from a record is unknown there. */
export const zLabelsRecord = z.object({
  id: z.string(),
  text: z.string(),
  labels: z.record(z.string(), z.union([z.literal(0), z.literal(1)])),
  meta: z.record(z.string(), z.unknown()).optional(),
});
/** A `qa` record. */
export const zQaRecord = z.object({
  id: z.string(),
  question: z.string(),
  focus: z.string().nullable(),
  answer: z.string().nullable().optional(),
  source: z.string().optional(),
});

const zCondition = z.object({
  term: z.string(),
  concept: z.string(),
  kind: z.enum(['condition', 'medication', 'procedure', 'symptom']),
  assertion: z.enum(['present', 'negated', 'hypothetical', 'family', 'historical']),
});

/** A `scenarios` record. */
export const zScenarioRecord = z.object({
  id: z.string(),
  lang: z.string().min(2),
  space: z.enum(['peer_support', 'ask_a_clinician', 'clinician_only', 'general']),
  author_role: z.enum(['member', 'verified_clinician', 'moderator']),
  text: z.string(),
  expect: z.object({
    pii: z.array(zOffsetSpan),
    disclosure: z.enum(['none', 'self', 'third_party']),
    crisis: z.enum(['none', 'suicide_risk', 'self_harm', 'medical_emergency', 'violence_or_abuse']),
    boundary: z.array(z.string()),
    conditions: z.array(zCondition),
    specialty: z.string().nullable(),
    escalate: z.enum(['none', 'routine', 'urgent']),
  }),
});

/** A spans record. */
export type SpansRecord = z.output<typeof zSpansRecord>;
/** An entities record. */
export type EntitiesRecord = z.output<typeof zEntitiesRecord>;
/** A labels record. */
export type LabelsRecord = z.output<typeof zLabelsRecord>;
/** A qa record. */
export type QaRecord = z.output<typeof zQaRecord>;
/** A scenario record. */
export type ScenarioRecord = z.output<typeof zScenarioRecord>;

/** The record schema of each kind. */
export const RECORD_SCHEMAS = {
  spans: zSpansRecord,
  labels: zLabelsRecord,
  entities: zEntitiesRecord,
  qa: zQaRecord,
  scenarios: zScenarioRecord,
} as const satisfies Record<Kind, z.ZodType>;

/** Guesses the kind from a record's fields. */
export function kindOfRecord(record: unknown): Kind | null {
  if (typeof record !== 'object' || record === null) return null;
  if ('expect' in record) return 'scenarios';
  if ('spans' in record) return 'spans';
  if ('entities' in record) return 'entities';
  if ('labels' in record) return 'labels';
  if ('question' in record && 'focus' in record) return 'qa';
  return null;
}
