import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertEffects } from '../../db/repositories/effects.ts';
import { getEscalation } from '../../db/repositories/escalations.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import type { Platform } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import { PRIORITY, type WardQueues } from '../queues.ts';

/** How long an escalation may stay unclaimed before Ward re-pages and widens to all moderators. */
export function slaDelayMs(config: CommunityConfig, priority: string): number {
  const minutes = priority === 'urgent' ? config.sla.urgent_minutes : config.sla.routine_minutes;
  return Math.round(minutes * 60_000);
}

/** What the SLA processor needs. */
export interface SlaDeps {
  db: Db;
  queues: WardQueues;
  community: CommunityState;
  log: Logger;
}

/** Fires when the SLA passes: if still open, re-pages with the card widened to all moderators, and audits it. */
export async function handleSla(deps: SlaDeps, escalationId: string): Promise<'repaged' | 'not_needed'> {
  const e = await getEscalation(deps.db, escalationId);
  if (e?.status !== 'open') return 'not_needed';
  const admin = deps.community.current.community.admin_channel;
  const platform = (e.cardPlatform ?? admin.platform) as Platform;
  const rows = await insertEffects(deps.db, [
    {
      communityId: e.communityId,
      messageId: e.messageId,
      escalationId: e.id,
      platform,
      kind: e.cardMessageId ? 'update_card' : 'post_card',
      payload: { repage: true },
      priority: e.priority === 'urgent' ? PRIORITY.crisis : PRIORITY.urgent,
    },
  ]);
  await deps.db.transaction((tx) =>
    appendAudit(tx, [
      {
        communityId: e.communityId,
        actor: 'ward:sla',
        action: 'repaged',
        subjectType: 'escalation',
        subjectId: e.id,
        detail: { priority: e.priority },
      },
    ]),
  );
  await deps.queues.enqueueDeliver(rows.map((r) => ({ id: r.id, platform, priority: r.priority })));
  deps.log.info({ escalationId: e.id }, 'unclaimed escalation re-paged');
  return 'repaged';
}
