import type { NewEffect } from '../../db/repositories/effects.ts';
import type { EscalationRow } from '../../db/repositories/escalations.ts';
import type { Platform } from '../../policies/core/types.ts';
import { PRIORITY } from '../queues.ts';

/** The effect that refreshes an escalation's card: an edit of the posted card, or a first post when there is none. */
export function cardUpdateEffect(e: EscalationRow, adminPlatform: Platform): NewEffect {
  return {
    communityId: e.communityId,
    messageId: e.messageId,
    escalationId: e.id,
    platform: (e.cardPlatform as Platform | null) ?? adminPlatform,
    kind: e.cardMessageId ? 'update_card' : 'post_card',
    payload: {},
    priority: PRIORITY.urgent,
  };
}
