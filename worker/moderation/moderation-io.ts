import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertEffects, type NewEffect } from '../../db/repositories/effects.ts';
import type { Platform } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import type { WardQueues } from '../queues.ts';

/** What writing moderation outcomes needs. */
export interface ModerationIo {
  db: Db;
  queues: WardQueues;
  community: CommunityState;
}

/** Writes effects to the outbox and enqueues their delivery. */
export async function enqueueEffects(deps: ModerationIo, rows: NewEffect[]): Promise<void> {
  const inserted = await insertEffects(deps.db, rows);
  await deps.queues.enqueueDeliver(
    inserted.map((e) => ({ id: e.id, platform: e.platform as Platform, priority: e.priority })),
  );
}

/** Appends one audit row about an escalation (ids and codes in `detail`, never text). */
export async function auditModeration(
  deps: ModerationIo,
  actor: string,
  action: string,
  subjectId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await deps.db.transaction((tx) =>
    appendAudit(tx, [
      { communityId: deps.community.id, actor, action, subjectType: 'escalation', subjectId, detail },
    ]),
  );
}
