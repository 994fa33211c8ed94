import type { Db } from '../../db/client.ts';
import { escalationDurations, openEscalationAges } from '../../db/repositories/stats.ts';
import type { Platform } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import type { WardQueues } from '../queues.ts';
import { percentile } from './percentile.ts';

/** A community's moderation status: queue depths, open items and how fast they are picked up. */
export interface StatusReport {
  queues: Record<string, { waiting: number; active: number; delayed: number; failed: number }>;
  open: { priority: string; status: string; n: number; oldestSeconds: number }[];
  timeToClaimSeconds: { p50: number | null; p90: number | null };
  timeToCloseSeconds: { p50: number | null; p90: number | null };
}

/** Collects the status report (last 7 days for the percentiles). */
export async function collectStatus(
  deps: { db: Db; queues: WardQueues; community: CommunityState },
  platforms: Platform[],
): Promise<StatusReport> {
  const queues: StatusReport['queues'] = {};
  for (const q of [deps.queues.evaluate, ...platforms.map((p) => deps.queues.deliver(p))]) {
    const c = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
    queues[q.name] = {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
    };
  }
  const open = await openEscalationAges(deps.db, deps.community.id);
  const durations = await escalationDurations(
    deps.db,
    deps.community.id,
    new Date(Date.now() - 7 * 86_400_000),
  );
  const claims = durations.flatMap((d) => (d.toClaim === null ? [] : [Number(d.toClaim)]));
  const closes = durations.flatMap((d) => (d.toClose === null ? [] : [Number(d.toClose)]));
  return {
    queues,
    open: open.map((o) => ({ ...o, n: Number(o.n), oldestSeconds: Math.round(Number(o.oldestSeconds)) })),
    timeToClaimSeconds: { p50: percentile(claims, 50), p90: percentile(claims, 90) },
    timeToCloseSeconds: { p50: percentile(closes, 50), p90: percentile(closes, 90) },
  };
}

/** Plain-text status for chat. */
export function formatStatus(s: StatusReport): string {
  const q = Object.entries(s.queues).map(
    ([name, c]) =>
      `${name}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed, ${c.failed} failed`,
  );
  const open = s.open.length
    ? s.open.map((o) => `${o.n} ${o.priority} ${o.status} (oldest ${Math.round(o.oldestSeconds / 60)} min)`)
    : ['no open escalations'];
  const fmt = (v: number | null) => (v === null ? '–' : `${Math.round(v / 60)} min`);
  return [
    'Queues:',
    ...q.map((l) => `• ${l}`),
    'Escalations:',
    ...open.map((l) => `• ${l}`),
    `Time to claim (7 days): median ${fmt(s.timeToClaimSeconds.p50)}, p90 ${fmt(s.timeToClaimSeconds.p90)}`,
    `Time to resolve (7 days): median ${fmt(s.timeToCloseSeconds.p50)}, p90 ${fmt(s.timeToCloseSeconds.p90)}`,
  ].join('\n');
}
