import { z } from 'zod';
import { decide } from '../../core/define-policy.ts';
import { type BoundaryLabel, boundaryCode } from '../../core/finding-codes.ts';
import type { NormalizedText } from '../../detect/normalize.ts';
import {
  type Action,
  type Decision,
  type Finding,
  SPACE_KINDS,
  type SpaceKind,
  type Specialty,
} from '../../core/types.ts';

/** What a boundary policy does in a kind of space. */
export const SPACE_BEHAVIOURS = ['off', 'notify', 'route', 'flag', 'hold'] as const;
/**
 * `off`: nothing. `notify`: private reply to the author. `route`: routine escalation only (so a professional answers).
 * `flag`: private reply and routine escalation. `hold`: hold the message, private reply and routine escalation.
 */
export type SpaceBehaviour = (typeof SPACE_BEHAVIOURS)[number];

/** Zod schema for per-space behaviour with the policy's defaults filled in. */
export function zSpaceBehaviours(defaults: Record<SpaceKind, SpaceBehaviour>) {
  const shape = Object.fromEntries(
    SPACE_KINDS.map((s) => [s, z.enum(SPACE_BEHAVIOURS).default(defaults[s])]),
  ) as Record<SpaceKind, z.ZodDefault<z.ZodEnum<{ [K in SpaceBehaviour]: K }>>>;
  return z.strictObject(shape).default(defaults);
}

/** Inputs for turning a boundary finding into a Decision. */
export interface BoundaryOutcome {
  policy: string;
  behaviour: SpaceBehaviour;
  findings: Finding[];
  template: string;
  reason: string;
  specialty?: Specialty | null;
  resources?: string[];
  extra?: Action[];
}

/** Builds the Decision for a boundary finding according to the space's behaviour; null when `off` or nothing found. */
export function boundaryDecision(o: BoundaryOutcome): Decision | null {
  if (o.behaviour === 'off' || o.findings.length === 0) return null;
  const actions: Action[] = [];
  if (o.behaviour === 'hold') actions.push({ kind: 'hold' });
  if (o.behaviour !== 'route') {
    actions.push({
      kind: 'reply_privately',
      template: o.template,
      ...(o.resources?.length ? { resources: o.resources } : {}),
    });
  }
  if (o.behaviour !== 'notify') {
    actions.push({
      kind: 'escalate',
      priority: 'routine',
      reason: o.reason,
      ...(o.specialty ? { specialty: o.specialty } : {}),
    });
  }
  actions.push(...(o.extra ?? []));
  return decide(o.policy, o.behaviour === 'hold' ? 'hold' : 'flag', { findings: o.findings, actions });
}

/** The finding for the first hit of a boundary policy (one per message is enough to act), span in original offsets. */
export function firstHitFinding(
  text: NormalizedText,
  policy: BoundaryLabel,
  severity: Finding['severity'],
  hits: readonly { start: number; end: number }[],
): Finding[] {
  const h = hits[0];
  return h ? [{ code: boundaryCode(policy), severity, span: text.toOriginal(h.start, h.end) }] : [];
}

/** True when the author holds one of the given community roles. */
export function hasRole(roles: readonly string[], any: readonly string[]): boolean {
  return roles.some((r) => any.includes(r));
}
