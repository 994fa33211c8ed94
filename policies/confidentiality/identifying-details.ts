import { z } from 'zod';
import type { PolicyContext } from '../core/define-policy.ts';
import { decide, definePolicy } from '../core/define-policy.ts';
import { PII_TYPES, type PiiType, piiCode } from '../core/finding-codes.ts';
import type { Action, Decision, Finding, SpaceKind } from '../core/types.ts';
import { COMMUNITY_ROLES, SPACE_KINDS } from '../core/types.ts';
import { DEFAULT_PII_THRESHOLD, type PiiSpan, piiFor } from '../detect/pii/index.ts';

/** Private message offering the author a repost of their message with the details replaced. */
export const OFFER_REDACTED_REPOST_TEMPLATE = 'offer_redacted_repost';

/** What a confidentiality policy does in a space: hold (+ redact + offer), flag (+ routine escalation), redact the stored copy, or nothing. */
export const CONFIDENTIALITY_BEHAVIOURS = ['hold', 'flag', 'redact', 'off'] as const;
/** One confidentiality behaviour. */
export type ConfidentialityBehaviour = (typeof CONFIDENTIALITY_BEHAVIOURS)[number];

const zBehaviour = z.enum(CONFIDENTIALITY_BEHAVIOURS);
const zSpaceRule = z.strictObject({ behaviour: zBehaviour, types: z.array(z.enum(PII_TYPES)) });
type SpaceRule = z.output<typeof zSpaceRule>;

/** Builds the settings schema of a confidentiality policy from its per-space defaults. */
export function zConfidentialitySettings(
  defaults: Record<SpaceKind, SpaceRule>,
  roles: Partial<Record<string, ConfidentialityBehaviour>>,
) {
  const spaces = z.strictObject(
    Object.fromEntries(SPACE_KINDS.map((s) => [s, zSpaceRule.default(defaults[s])])) as Record<
      SpaceKind,
      z.ZodDefault<typeof zSpaceRule>
    >,
  );
  const value = {
    spaces: defaults,
    min_confidence: DEFAULT_PII_THRESHOLD,
    allow_terms: [] as string[],
    roles,
  };
  return z
    .strictObject({
      /** Behaviour and PII types acted on, per space kind. */
      spaces: spaces.default(defaults),
      /** Spans below this detector confidence are ignored. */
      min_confidence: z.number().min(0).max(1).default(DEFAULT_PII_THRESHOLD),
      /** Public details never acted on: a clinic's number, a moderator's handle, a helpline (compared ignoring case and punctuation). */
      allow_terms: z.array(z.string().min(1)).default([]),
      /** Behaviour override per author role (e.g. moderators' announcements are only redacted in the stored copy). */
      roles: z.partialRecord(z.enum(COMMUNITY_ROLES), zBehaviour).default(roles),
    })
    .default(value);
}

/** Settings of a confidentiality policy. */
export type ConfidentialitySettings = z.output<ReturnType<typeof zConfidentialitySettings>>;

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** True when the span's text is on the community's allow-list. */
function allowed(text: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return false;
  const k = key(text);
  return terms.some((t) => key(t) === k);
}

/** The spans this policy acts on for this message, after type, threshold and allow-list filtering. */
export function selectSpans(
  ctx: PolicyContext,
  config: ConfidentialitySettings,
  types: readonly PiiType[],
): PiiSpan[] {
  const wanted = new Set(types);
  return piiFor(ctx).filter(
    (s) =>
      wanted.has(s.type) &&
      s.confidence >= config.min_confidence &&
      !allowed(ctx.message.text.slice(s.start, s.end), config.allow_terms),
  );
}

/**
 * Shared engine of `contact_details` and `identifying_details`. The space's `types` are acted on (hold, flag or
 * redact by behaviour and role); the policy's other `family` types found in the message get `info` findings and
 * are redacted in the stored copy only, so the redacted copy never keeps an identifying detail.
 */
export function confidentialityDecision(
  policy: string,
  ctx: PolicyContext,
  config: ConfidentialitySettings,
  family: readonly PiiType[],
): Decision | null {
  const rule = config.spaces[ctx.message.space];
  const roleOverride = ctx.message.author.roles
    .map((r) => config.roles[r as keyof typeof config.roles])
    .find(Boolean);
  const behaviour = roleOverride ?? rule.behaviour;
  if (behaviour === 'off') return null;
  const acted = selectSpans(ctx, config, rule.types);
  const quiet = selectSpans(
    ctx,
    config,
    family.filter((t) => !rule.types.includes(t)),
  );
  if (acted.length === 0 && quiet.length === 0) return null;
  const finding = (s: PiiSpan, severity: Finding['severity']): Finding => ({
    code: piiCode(s.type),
    severity,
    span: [s.start, s.end],
    confidence: s.confidence,
    detail: s.detector,
  });
  const findings = [
    ...acted.map((s) => finding(s, behaviour === 'hold' ? 'medium' : 'low')),
    ...quiet.map((s) => finding(s, 'info')),
  ].sort((x, y) => x.span![0] - y.span![0]);
  const spans = [...acted, ...quiet]
    .map((s): [number, number] => [s.start, s.end])
    .sort((x, y) => x[0] - y[0]);
  const redact: Action = { kind: 'redact', spans };
  if (acted.length > 0 && behaviour === 'hold') {
    return decide(policy, 'hold', {
      findings,
      actions: [
        { kind: 'hold' },
        redact,
        { kind: 'reply_privately', template: OFFER_REDACTED_REPOST_TEMPLATE },
      ],
    });
  }
  if (acted.length > 0 && behaviour === 'flag') {
    const reason = `${policy}: identifiable details (${[...new Set(acted.map((s) => s.type))].join(', ')})`;
    return decide(policy, 'flag', {
      findings,
      actions: [redact, { kind: 'escalate', priority: 'routine', reason }],
    });
  }
  return decide(policy, 'allow', { findings, actions: [redact] });
}

const NON_CONTACT: PiiType[] = ['NAME', 'ADDRESS', 'DATE_OF_BIRTH', 'ID', 'LOCATION', 'ORGANIZATION', 'AGE'];
const PATIENT: PiiType[] = ['NAME', 'DATE_OF_BIRTH', 'ID', 'ADDRESS'];
const DEFAULTS: Record<SpaceKind, SpaceRule> = {
  peer_support: { behaviour: 'hold', types: NON_CONTACT },
  general: { behaviour: 'hold', types: NON_CONTACT },
  ask_a_clinician: { behaviour: 'hold', types: NON_CONTACT },
  clinician_only: { behaviour: 'flag', types: PATIENT },
};

/**
 * Names, addresses, dates of birth, identifiers and person-tied places/employers (issue 3).
 * Contact details (e-mail, phone, URL, handle) are left to `contact_details`, the same engine with other defaults,
 * so a message never gets two findings for one span.
 */
export const IdentifyingDetailsPolicy = definePolicy({
  name: 'identifying_details',
  description:
    'Identifying details (names, addresses, birth dates, ID numbers) are held for a redacted repost in public spaces and flagged in clinician-only spaces.',
  failMode: 'hold',
  configSchema: zConfidentialitySettings(DEFAULTS, { moderator: 'redact' }),
  evaluate(ctx, config) {
    return confidentialityDecision('identifying_details', ctx, config, NON_CONTACT);
  },
});
