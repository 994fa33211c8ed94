import type { ActionButton, EscalationCard, MessageRef } from '../../bots/contract.ts';
import type { EscalationRow } from '../../db/repositories/escalations.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import type { Specialty } from '../../policies/core/types.ts';
import { type TimeoutState, timeoutLabel, timeoutNote } from '../moderation/member-timeout.ts';
import { reasonText } from './reason-text.ts';

const EXCERPT_CHARS = 500;

/** What a card shows besides the escalation row itself. */
export interface CardContext {
  redacted: string | null;
  concepts: string[];
  evidence: { title: string; url: string }[];
  source: MessageRef | null;
  /** The SLA passed unclaimed: page everyone who moderates. */
  repage?: boolean;
  /** Escalations of the same author in the last 90 days, this one included. */
  authorHistory?: number;
  /** The author's entry in the verified-clinician registry. */
  verified?: { register: string; specialty?: string | undefined } | null;
  /** Whether the author can be timed out from this card, and whether they were. */
  timeout?: TimeoutState;
}

/** Builds the moderator card for an escalation: redacted excerpt, reasons, routing mention, buttons. Pure. */
export function buildCard(e: EscalationRow, config: CommunityConfig, ctx: CardContext): EscalationCard {
  const specialty = (e.specialty as Specialty | null) ?? null;
  const route = (specialty && config.routing.specialties[specialty]) || config.routing.default;
  const everyone = config.routing.default?.group ?? null;
  const paged = route ? (e.priority === 'urgent' ? (route.on_call ?? route.group) : route.group) : null;
  const mention = ctx.repage ? (everyone ?? paged) : paged;
  const excerpt = ctx.redacted === null ? '(text no longer stored)' : truncate(ctx.redacted, EXCERPT_CHARS);
  const status = e.status as EscalationCard['status'];
  const reasons = [...new Set(e.reasons.map((r) => reasonText(r, config.community.locale)))];
  return {
    escalationId: e.id,
    priority: e.priority as EscalationCard['priority'],
    status,
    title: `${ctx.repage && status === 'open' ? 'STILL UNCLAIMED — ' : ''}${e.priority === 'urgent' ? 'URGENT' : 'Review'}: ${reasons[0] ?? 'needs a moderator'}`,
    redactedExcerpt: excerpt,
    reasons,
    concepts: ctx.concepts,
    specialty,
    evidence: ctx.evidence,
    claimedBy: e.claimedBy,
    mention,
    source: ctx.source,
    notes: notesFor(e, ctx, config.community.locale),
    buttons: [
      ...buttonsFor(e.id, status),
      ...(config.review.enabled && e.messageId && (status === 'open' || status === 'claimed')
        ? [{ id: 'second_opinion' as const, label: 'Second opinion', subject: e.id }]
        : []),
      ...timeoutButton(e.id, status, ctx.timeout, config.community.locale),
    ],
  };
}

// Offered while the item is open, once: not after a timeout was applied or while one is on its way.
function timeoutButton(
  id: string,
  status: EscalationCard['status'],
  t: TimeoutState | undefined,
  locale: string,
): ActionButton[] {
  if (!t?.offered || t.applied || t.requested || (status !== 'open' && status !== 'claimed')) return [];
  return [{ id: 'timeout_member', label: timeoutLabel(t.minutes, locale), style: 'danger', subject: id }];
}

function notesFor(e: EscalationRow, ctx: CardContext, locale: string): string[] {
  const notes: string[] = [];
  if (e.kind === 'appeal')
    notes.push('Appeal: the moderator who made the original decision cannot take this item.');
  if (e.kind === 'report') notes.push('Reported by a member; the author is not told who reported it.');
  if (ctx.verified)
    notes.push(
      `Author: verified clinician (${ctx.verified.register}${ctx.verified.specialty ? `, ${ctx.verified.specialty}` : ''})`,
    );
  else if (ctx.verified === null) notes.push('Author: not a verified clinician');
  if (ctx.authorHistory && ctx.authorHistory > 1)
    notes.push(`Author's history: ${ctx.authorHistory} escalations in the last 90 days`);
  const timeout = ctx.timeout ? timeoutNote(ctx.timeout, locale) : null;
  if (timeout) notes.push(timeout);
  return notes;
}

function buttonsFor(id: string, status: EscalationCard['status']): ActionButton[] {
  if (status === 'resolved' || status === 'dismissed') return [];
  const claim: ActionButton =
    status === 'open'
      ? { id: 'claim', label: 'Claim', style: 'primary', subject: id }
      : { id: 'unclaim', label: 'Release', subject: id };
  return [
    claim,
    { id: 'resolve_approve', label: 'Approve', subject: id },
    { id: 'resolve_remove', label: 'Remove', style: 'danger', subject: id },
    { id: 'dismiss', label: 'Dismiss', subject: id },
  ];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
