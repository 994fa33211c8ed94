import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertEffects } from '../../db/repositories/effects.ts';
import {
  createEscalation,
  type EscalationRow,
  getEscalation,
  mergeIntoEscalation,
} from '../../db/repositories/escalations.ts';
import type { MessageRow } from '../../db/repositories/messages.ts';
import type { Platform } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import { slaDelayMs } from '../moderation/sla.ts';
import { PRIORITY, type WardQueues } from '../queues.ts';
import type { RaisePlan } from './plan-raise.ts';

/** What applying needs. */
export interface ApplyDeps {
  db: Db;
  queues: WardQueues;
  community: CommunityState;
}

/** What an applied opinion changed. */
export type Applied = 'escalation_created' | 'escalation_merged' | 'none';

/** Writes a raise (escalation + card effect + audit, in one transaction), then enqueues the card and its SLA. */
export async function applyRaise(
  deps: ApplyDeps,
  message: MessageRow,
  plan: RaisePlan | null,
  existing: EscalationRow | undefined,
): Promise<Applied> {
  if (!plan) return 'none';
  const admin = deps.community.current.community.admin_channel;
  const cardPriority = plan.priority === 'urgent' ? PRIORITY.urgent : PRIORITY.normal;
  const written = await deps.db.transaction(async (tx) => {
    let escalation: EscalationRow | undefined;
    let kind: 'post_card' | 'update_card' | null = 'post_card';
    if (plan.action === 'merge' && existing) {
      const current = (await getEscalation(tx, existing.id)) ?? existing;
      escalation = await mergeIntoEscalation(tx, current, {
        priority: plan.priority,
        reasons: [plan.reason],
        findingCodes: plan.findingCodes,
      });
      // A card not posted yet renders from the row when delivered, so it shows the new reason anyway.
      kind = escalation?.cardMessageId ? 'update_card' : null;
    } else {
      escalation = await createEscalation(tx, {
        communityId: message.communityId,
        messageId: message.id,
        kind: 'second_opinion',
        authorId: message.authorId,
        priority: plan.priority,
        specialty: plan.specialty,
        reasons: [plan.reason],
        findingCodes: plan.findingCodes,
      });
    }
    if (!escalation) return null;
    const platform = (escalation.cardPlatform ?? admin.platform) as Platform;
    const effects = kind
      ? await insertEffects(tx, [
          {
            communityId: message.communityId,
            messageId: message.id,
            escalationId: escalation.id,
            platform,
            kind,
            payload: {},
            priority: cardPriority,
          },
        ])
      : [];
    await appendAudit(tx, [
      {
        communityId: message.communityId,
        actor: 'ward',
        action: 'second_opinion',
        subjectType: 'message',
        subjectId: message.id,
        detail: {
          action: plan.action,
          priority: plan.priority,
          codes: plan.findingCodes,
          escalationId: escalation.id,
        },
      },
    ]);
    return { escalation, effects };
  });
  if (!written) return 'none';
  await deps.queues.enqueueDeliver(
    written.effects.map((e) => ({ id: e.id, platform: e.platform as Platform, priority: e.priority })),
  );
  const raisedToUrgent = plan.priority === 'urgent' && existing?.priority !== 'urgent';
  if (plan.action === 'create' || raisedToUrgent) {
    await deps.queues.scheduleSla(
      written.escalation.id,
      plan.priority,
      slaDelayMs(deps.community.current, plan.priority),
    );
  }
  return plan.action === 'create' ? 'escalation_created' : 'escalation_merged';
}
