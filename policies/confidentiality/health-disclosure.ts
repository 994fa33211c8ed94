import { z } from 'zod';
import { decide, definePolicy } from '../core/define-policy.ts';
import { disclosureCode } from '../core/finding-codes.ts';
import type { Action, Decision, SpaceKind } from '../core/types.ts';
import { SPACE_KINDS } from '../core/types.ts';
import { classifyDisclosure } from '../detect/clinical/disclosure.ts';
import { conceptsFor, languageFor } from '../detect/clinical/index.ts';
import { DEFAULT_PII_THRESHOLD, piiFor } from '../detect/pii/index.ts';

/** Private note offering the author a repost without their identifying details (no blame). */
export const OFFER_REDACTED_REPOST_TEMPLATE = 'offer_redacted_repost';
/** Private note explaining that someone else's health details were held for a moderator. */
export const THIRD_PARTY_EXPLANATION_TEMPLATE = 'explain_third_party_disclosure';

const BEHAVIOURS = ['hold', 'flag', 'off'] as const;
type Behaviour = (typeof BEHAVIOURS)[number];
const zSpaces = (d: Record<SpaceKind, Behaviour>) =>
  z
    .strictObject(
      Object.fromEntries(SPACE_KINDS.map((s) => [s, z.enum(BEHAVIOURS).default(d[s])])) as Record<
        SpaceKind,
        z.ZodDefault<z.ZodEnum<{ hold: 'hold'; flag: 'flag'; off: 'off' }>>
      >,
    )
    .default(d);

// The author's own details are fine among clinicians; someone else's identifiable health details never are.
const SELF: Record<SpaceKind, Behaviour> = {
  peer_support: 'hold',
  general: 'hold',
  ask_a_clinician: 'hold',
  clinician_only: 'off',
};
const THIRD: Record<SpaceKind, Behaviour> = {
  peer_support: 'hold',
  general: 'hold',
  ask_a_clinician: 'hold',
  clinician_only: 'flag',
};

const zSettings = z
  .strictObject({
    /** What to do with the author's own identifiable health details, per space. */
    self: zSpaces(SELF),
    /** What to do with another identifiable person's health details, per space (clinicians included). */
    third_party: zSpaces(THIRD),
    /** Identifier spans below this detector confidence are ignored. */
    min_confidence: z.number().min(0).max(1).default(DEFAULT_PII_THRESHOLD),
  })
  .default({ self: SELF, third_party: THIRD, min_confidence: DEFAULT_PII_THRESHOLD });

/** Settings of `health_disclosure`. */
export type HealthDisclosureSettings = z.output<typeof zSettings>;

function actionsFor(kind: 'self' | 'third_party', behaviour: Behaviour, spans: [number, number][]): Action[] {
  const reason =
    kind === 'self'
      ? 'health_disclosure: own identifiable health details'
      : 'health_disclosure: identifiable health details of someone else';
  const escalate: Action = { kind: 'escalate', priority: 'routine', reason };
  if (behaviour === 'flag') return [escalate];
  if (kind === 'self') {
    return [
      { kind: 'hold' },
      { kind: 'redact', spans },
      { kind: 'reply_privately', template: OFFER_REDACTED_REPOST_TEMPLATE },
      escalate,
    ];
  }
  return [
    { kind: 'hold' },
    escalate,
    { kind: 'reply_privately', template: THIRD_PARTY_EXPLANATION_TEMPLATE },
  ];
}

/**
 * Health information tied to an identifiable person (issue 4): the author's own in a public space is held with an
 * offer to repost without identifiers; someone else's is held and escalated, also when clinicians share patients.
 * Pseudonymous members talking about their own health are what the community is for and pass untouched.
 */
export const HealthDisclosurePolicy = definePolicy({
  name: 'health_disclosure',
  description:
    "Holds identifiable health details: the author's own in public spaces (offering a redacted repost) and anyone else's everywhere.",
  failMode: 'hold',
  configSchema: zSettings,
  evaluate(ctx, config): Decision | null {
    const pii = piiFor(ctx).filter((s) => s.confidence >= config.min_confidence);
    if (pii.length === 0) return null;
    const mentions = conceptsFor(ctx);
    if (mentions.length === 0) return null;
    const result = classifyDisclosure(ctx.message.text, pii, mentions, languageFor(ctx));
    if (result.kind === 'none') return null;
    const behaviour = config[result.kind][ctx.message.space];
    if (behaviour === 'off') return null;
    const findings = result.spans.map((span) => ({
      code: disclosureCode(result.kind as 'self' | 'third_party'),
      severity: 'medium' as const,
      span,
    }));
    return decide('health_disclosure', behaviour === 'hold' ? 'hold' : 'flag', {
      findings,
      actions: actionsFor(result.kind, behaviour, result.spans),
    });
  },
});
