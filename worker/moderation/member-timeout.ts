import { supportsMemberTimeout } from '../../bots/contract.ts';
import type { EffectRow } from '../../db/repositories/effects.ts';
import type { Platform } from '../../policies/core/types.ts';

/** What a card needs to know about timing out an escalation's author. */
export interface TimeoutState {
  /** The card may offer the button (a member boundary finding, on a platform with timeouts). */
  offered: boolean;
  /** Minutes a press applies (community `moderation.timeout_minutes`). */
  minutes: number;
  /** A timeout of this escalation is on its way to the platform. */
  requested: boolean;
  /** A timeout of this escalation was applied: when, for how long, by whom. */
  applied: { at: Date; minutes: number; by: string } | null;
}

/** The boundary finding a timeout answers (e.g. `boundary.harassment`), or null when there is none. */
export function boundaryReasonCode(findingCodes: readonly string[]): string | null {
  return findingCodes.find((c) => c.startsWith('boundary.')) ?? null;
}

/**
 * Whether a moderator may time out the author of an escalation: it came from the policies (not an appeal or a
 * report), names a boundary finding, and the author's platform has timeouts. Pure.
 */
export function timeoutAllowed(
  escalation: { kind: string; findingCodes: readonly string[] },
  platform: Platform | null,
): boolean {
  return (
    escalation.kind === 'policy' &&
    boundaryReasonCode(escalation.findingCodes) !== null &&
    platform !== null &&
    supportsMemberTimeout(platform)
  );
}

/** The timeout effects of one escalation among a message's effects, newest first. */
export function timeoutEffectsOf(effects: readonly EffectRow[], escalationId: string): EffectRow[] {
  return effects
    .filter((e) => e.kind === 'timeout_member' && e.escalationId === escalationId)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Whether a timeout of the escalation is pending or done, so a second press must not send another. */
export function timeoutInFlight(effects: readonly EffectRow[], escalationId: string): boolean {
  return timeoutEffectsOf(effects, escalationId).some(
    (e) => e.state === 'pending' || e.state === 'queued' || e.state === 'delivered',
  );
}

/** The card's view of timeouts for an escalation, from its message's effects. Pure. */
export function timeoutState(
  escalation: { id: string; kind: string; findingCodes: readonly string[] },
  platform: Platform | null,
  minutes: number,
  effects: readonly EffectRow[],
): TimeoutState {
  const mine = timeoutEffectsOf(effects, escalation.id);
  const delivered = mine.find((e) => e.state === 'delivered');
  const payload = (delivered?.payload ?? {}) as { minutes?: number; actor?: string };
  return {
    offered: timeoutAllowed(escalation, platform),
    minutes,
    requested: mine.some((e) => e.state === 'pending' || e.state === 'queued'),
    applied: delivered
      ? {
          at: delivered.deliveredAt ?? delivered.createdAt,
          minutes: Number(payload.minutes ?? minutes),
          by: String(payload.actor ?? 'a moderator'),
        }
      : null,
  };
}

/** A duration for people: `1 h`, `30 min`, `2 d` / `1 uur`, `30 min`, `2 dagen`. */
export function durationText(minutes: number, locale: string): string {
  const nl = locale.toLowerCase().startsWith('nl');
  if (minutes % 1440 === 0) {
    const d = minutes / 1440;
    return nl ? `${d} ${d === 1 ? 'dag' : 'dagen'}` : `${d} d`;
  }
  if (minutes % 60 === 0) return nl ? `${minutes / 60} uur` : `${minutes / 60} h`;
  return `${minutes} min`;
}

/** The card button's label: `Time out 1 h` / `Time-out 1 uur`. */
export function timeoutLabel(minutes: number, locale: string): string {
  const nl = locale.toLowerCase().startsWith('nl');
  return `${nl ? 'Time-out' : 'Time out'} ${durationText(minutes, locale)}`;
}

/** The card's note about a timeout that was applied or is on its way; null when there is none. */
export function timeoutNote(state: TimeoutState, locale: string): string | null {
  const nl = locale.toLowerCase().startsWith('nl');
  if (state.applied) {
    const { at, minutes, by } = state.applied;
    const until = `${new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const span = durationText(minutes, locale);
    return nl
      ? `Time-out toegepast: de schrijver kan ${span} niets plaatsen (tot ${until}), door ${by}`
      : `Timeout applied: the author cannot post for ${span} (until ${until}), by ${by}`;
  }
  if (state.requested)
    return nl
      ? 'Time-out aangevraagd; wacht op het platform.'
      : 'Timeout requested; waiting for the platform.';
  return null;
}
