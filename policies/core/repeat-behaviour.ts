import { decide } from './define-policy.ts';
import type { MergedDecision } from './merge-decisions.ts';
import type { Decision } from './types.ts';

/** Name under which the repeat step's decision, findings and outcome are recorded. */
export const REPEAT_POLICY = 'repeat_behaviour';
/** Finding code of a repeat: the member reached the strike threshold within the window. */
export const REPEAT_BOUNDARY_CODE = 'repeat.boundary';

const DAY_MS = 86_400_000;

/** An earlier boundary strike of the same member: its platform message's first version and when it was sent. */
export interface Strike {
  root: string;
  at: Date;
}

/** Repeat settings as the community config holds them. */
export interface RepeatSettings {
  enabled: boolean;
  strikes: number;
  window_days: number;
  priority: 'routine' | 'urgent';
}

/** The message being decided, as the repeat step needs it. */
export interface RepeatSubject {
  /** First version of the platform message (its own id unless it is an edit): its other versions never count. */
  root: string;
  /** When it was sent. */
  at: Date;
}

/** True for a finding code that counts as a boundary strike. */
export function isStrikeCode(code: string): boolean {
  return code.startsWith('boundary.');
}

/** The window in milliseconds. */
export function repeatWindowMs(settings: RepeatSettings): number {
  return settings.window_days * DAY_MS;
}

/**
 * The most strikes any window of `windowMs` holds that contains `at`, counting `at` itself. Order-independent,
 * so a strike evaluated late (a retry, a backlog) still counts with the ones around it.
 */
export function strikesInWindow(at: number, others: readonly number[], windowMs: number): number {
  const times = [...others, at].sort((a, b) => a - b);
  let best = 0;
  for (const start of times) {
    if (start > at || at - start >= windowMs) continue;
    const count = times.filter((t) => t >= start && t < start + windowMs).length;
    if (count > best) best = count;
  }
  return best;
}

/** The escalation reason of a repeat, e.g. `repeat.boundary:3/7d` (reason-text turns it into a sentence). */
export function repeatReason(count: number, settings: RepeatSettings): string {
  const days = settings.window_days;
  const window = Number.isInteger(days) ? `${days}d` : `${Math.round(days * 24)}h`;
  return `${REPEAT_BOUNDARY_CODE}:${count}/${window}`;
}

/**
 * Repeat behaviour, pure: when this message is a boundary strike and, with the member's earlier strikes, a window
 * holds `strikes` or more, returns a decision that escalates with a reason naming the count. Each platform message
 * counts once however often it was redelivered or edited. Null when nothing changes.
 */
export function repeatDecision(
  decision: MergedDecision,
  subject: RepeatSubject,
  history: readonly Strike[],
  settings: RepeatSettings,
): Decision | null {
  if (!settings.enabled || !decision.findings.some((f) => isStrikeCode(f.code))) return null;
  const earliest = new Map<string, number>();
  for (const s of history) {
    if (s.root === subject.root) continue;
    const t = s.at.getTime();
    earliest.set(s.root, Math.min(t, earliest.get(s.root) ?? t));
  }
  const count = strikesInWindow(subject.at.getTime(), [...earliest.values()], repeatWindowMs(settings));
  if (count < settings.strikes) return null;
  return decide(REPEAT_POLICY, 'flag', {
    findings: [{ code: REPEAT_BOUNDARY_CODE, severity: 'medium' }],
    actions: [{ kind: 'escalate', priority: settings.priority, reason: repeatReason(count, settings) }],
  });
}
