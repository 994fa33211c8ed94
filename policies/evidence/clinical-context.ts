import { z } from 'zod';
import { decide, definePolicy } from '../core/define-policy.ts';
import type { Action, ConceptMention, SpaceKind } from '../core/types.ts';
import { SPACE_KINDS } from '../core/types.ts';
import { conceptsFor } from '../detect/clinical/index.ts';
import { type Catalog, hasEvidence, zResource } from './catalog.ts';

/** Reply template of the evidence card ("general information, not advice for your situation"). */
export const EVIDENCE_CARD_TEMPLATE = 'evidence_card';

const LINKED_ASSERTIONS = ['present', 'hypothetical', 'historical', 'family'] as const;

const zSettings = z
  .strictObject({
    /** Spaces where Ward may reply in thread with an evidence card. */
    link_spaces: z.array(z.enum(SPACE_KINDS)).default(['peer_support', 'ask_a_clinician']),
    /** Concept kinds a card is offered for; medicines and procedures get cards too when listed. */
    link_kinds: z
      .array(z.enum(['condition', 'medication', 'procedure', 'symptom']))
      .default(['condition', 'medication', 'procedure']),
    /** Mentions with these assertions can get a card ("no chest pain" never does). */
    link_assertions: z.array(z.enum(LINKED_ASSERTIONS)).default([...LINKED_ASSERTIONS]),
    /** At most this many concepts per card. */
    max_concepts: z.number().int().min(1).max(5).default(2),
    /** Links per concept on a card (the executor asks evidenceFor for this many). */
    max_links: z.number().int().min(1).max(3).default(3),
    /** Cards per concept per thread per window; enforced by the executor, which keeps the state. */
    per_thread_per_day: z.number().int().min(0).max(10).default(1),
    /** Length of that window in hours (a day unless set). */
    per_thread_window_hours: z.number().positive().max(720).default(24),
    /** Community resources per concept, added before (and so overriding) the shipped catalog. */
    resources: z.record(z.string(), z.array(zResource)).default({}),
  })
  .default({
    link_spaces: ['peer_support', 'ask_a_clinician'],
    link_kinds: ['condition', 'medication', 'procedure'],
    link_assertions: [...LINKED_ASSERTIONS],
    max_concepts: 2,
    max_links: 3,
    per_thread_per_day: 1,
    per_thread_window_hours: 24,
    resources: {},
  });

/** Settings of `clinical_context`. */
export type ClinicalContextSettings = z.output<typeof zSettings>;

/** Concepts worth a card, in order of first mention, without repeats. */
export function cardConcepts(
  mentions: readonly ConceptMention[],
  space: SpaceKind,
  config: ClinicalContextSettings,
): string[] {
  if (config.per_thread_per_day === 0 || !config.link_spaces.includes(space)) return [];
  const out: string[] = [];
  for (const m of mentions) {
    if (out.length >= config.max_concepts) break;
    if (out.includes(m.concept) || !config.link_kinds.includes(m.kind)) continue;
    if (!(config.link_assertions as readonly string[]).includes(m.assertion)) continue;
    if (hasEvidence(m.concept, config.resources as Catalog)) out.push(m.concept);
  }
  return out;
}

/** Tags the conditions, medicines, procedures and symptoms of a message and offers an evidence card. */
export const ClinicalContextPolicy = definePolicy({
  name: 'clinical_context',
  description:
    'Tags clinical concepts with their assertion (present, negated, hypothetical, family, historical) and links general evidence for them.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const mentions = conceptsFor(ctx);
    if (mentions.length === 0) return null;
    const actions: Action[] = [{ kind: 'tag', concepts: mentions }];
    const linked = cardConcepts(mentions, ctx.message.space, config);
    if (linked.length > 0) actions.push({ kind: 'link_evidence', concepts: linked });
    return decide('clinical_context', 'allow', { actions });
  },
});
