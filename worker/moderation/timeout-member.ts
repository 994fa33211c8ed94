import type { ActionResult } from '../../bots/contract.ts';
import { effectsFor } from '../../db/repositories/effects.ts';
import type { EscalationRow } from '../../db/repositories/escalations.ts';
import { getMessage } from '../../db/repositories/messages.ts';
import type { Platform } from '../../policies/core/types.ts';
import { PRIORITY } from '../queues.ts';
import { boundaryReasonCode, durationText, timeoutAllowed, timeoutInFlight } from './member-timeout.ts';
import { auditModeration, enqueueEffects, type ModerationIo } from './moderation-io.ts';

/**
 * A moderator confirmed a timeout from the card (role already checked): audits it and enqueues a
 * `timeout_member` effect with ids, duration and the finding code. The card is updated once the platform
 * applied it (worker/deliver). Answers go to the presser only.
 */
export async function timeoutMember(
  deps: ModerationIo,
  escalation: EscalationRow,
  actor: string,
): Promise<ActionResult> {
  const message = escalation.messageId
    ? await getMessage(deps.db, escalation.messageId).catch(() => undefined)
    : undefined;
  const platform = (message?.platform as Platform | undefined) ?? null;
  if (!message || !timeoutAllowed(escalation, platform))
    return { status: 'refused', notice: 'A timeout is not available for this item.' };
  if (escalation.status !== 'open' && escalation.status !== 'claimed')
    return { status: 'refused', notice: `This item is already ${escalation.status}.` };
  if (timeoutInFlight(await effectsFor(deps.db, message.id), escalation.id))
    return { status: 'conflict', notice: 'A timeout for this member was already applied or requested.' };

  const config = deps.community.current;
  const minutes = config.moderation.timeout_minutes;
  const reasonCode = boundaryReasonCode(escalation.findingCodes) ?? 'moderator';
  await auditModeration(deps, actor, 'timeout_member', escalation.id, { minutes, reasonCode });
  await enqueueEffects(deps, [
    {
      communityId: escalation.communityId,
      messageId: message.id,
      escalationId: escalation.id,
      platform: message.platform,
      kind: 'timeout_member',
      // Ids of people stay out of the payload: the member is read from the message when delivering.
      payload: { minutes, reasonCode, actor },
      priority: PRIORITY.urgent,
    },
  ]);
  return {
    status: 'done',
    notice: `Timeout of ${durationText(minutes, 'en')} requested; the card will show when it is applied.`,
  };
}
