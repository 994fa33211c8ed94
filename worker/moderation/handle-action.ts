import type { Logger } from 'pino';
import type { ActionResult, IncomingAction } from '../../bots/contract.ts';
import type { Db } from '../../db/client.ts';
import type { NewEffect } from '../../db/repositories/effects.ts';
import {
  claimEscalation,
  closeEscalation,
  createEscalation,
  type EscalationRow,
  getEscalation,
  latestClosedEscalationFor,
  releaseEscalation,
} from '../../db/repositories/escalations.ts';
import { findFirstVersion, getMessage } from '../../db/repositories/messages.ts';
import type { CommunityState } from '../community.ts';
import { PRIORITY, type WardQueues } from '../queues.ts';
import { requestReview } from '../review/enqueue-review.ts';
import { cardUpdateEffect } from './card-update.ts';
import { auditModeration, enqueueEffects } from './moderation-io.ts';
import { timeoutMember } from './timeout-member.ts';

/** What action handling needs. */
export interface ModerationDeps {
  db: Db;
  queues: WardQueues;
  community: CommunityState;
  log: Logger;
  /** True when a language-model reviewer is configured for this deployment. */
  reviewEnabled?: boolean;
}

const MODERATOR_ROLES = new Set(['moderator', 'verified_clinician']);

/** Applies a button press: role-checked, audited, and followed by a card update. */
export async function handleAction(deps: ModerationDeps, action: IncomingAction): Promise<ActionResult> {
  const actor = `${action.platform}:${action.actor.id}`;
  if (action.actionId === 'repost_redacted' || action.actionId === 'appeal')
    return memberAction(deps, action, actor);
  if (action.actionId === 'report') return reportMessage(deps, action, actor);

  const isModerator = action.actor.roles.some((r) => MODERATOR_ROLES.has(r));
  const escalation = await getEscalation(deps.db, action.subject).catch(() => undefined);
  if (!escalation || escalation.communityId !== deps.community.id)
    return { status: 'not_found', notice: 'This item no longer exists.' };
  if (!isModerator) {
    await auditModeration(deps, actor, 'action_refused', escalation.id, { actionId: action.actionId });
    return {
      status: 'refused',
      notice: 'Only moderators and verified clinicians can act on moderation cards.',
    };
  }
  let updated: EscalationRow | undefined;
  const extra: NewEffect[] = [];
  switch (action.actionId) {
    case 'claim':
      if (escalation.excludedActor === actor) {
        return {
          status: 'refused',
          notice: 'You made the decision under appeal, so another moderator must review it.',
        };
      }
      updated = await claimEscalation(deps.db, escalation.id, actor);
      if (!updated) {
        const now = (await getEscalation(deps.db, escalation.id)) ?? escalation;
        return {
          status: 'conflict',
          notice: `Already ${now.status} by ${now.claimedBy ?? now.resolvedBy ?? 'someone else'}.`,
        };
      }
      break;
    case 'unclaim':
      updated = await releaseEscalation(deps.db, escalation.id, actor);
      break;
    case 'resolve_approve':
    case 'resolve_remove':
    case 'dismiss': {
      const status = action.actionId === 'dismiss' ? 'dismissed' : 'resolved';
      const resolution =
        action.actionId === 'resolve_remove'
          ? 'removed'
          : action.actionId === 'dismiss'
            ? 'dismissed'
            : 'approved';
      updated = await closeEscalation(deps.db, escalation.id, actor, status, resolution);
      const m = updated && escalation.messageId ? await getMessage(deps.db, escalation.messageId) : undefined;
      if (m && escalation.kind === 'appeal' && action.actionId !== 'dismiss') {
        // An appeal's outcome is told to the member; an overturned hold restores the message (its redacted copy).
        const overturned = action.actionId === 'resolve_approve';
        extra.push({
          communityId: m.communityId,
          messageId: m.id,
          platform: m.platform,
          kind: 'dm_author',
          payload: { template: overturned ? 'appeal_overturned' : 'appeal_upheld', buttons: [] },
          priority: PRIORITY.normal,
        });
        if (overturned)
          extra.push({
            communityId: m.communityId,
            messageId: m.id,
            platform: m.platform,
            kind: 'repost',
            payload: {},
            priority: PRIORITY.normal,
          });
      } else if (m && action.actionId === 'resolve_remove') {
        extra.push({
          communityId: m.communityId,
          messageId: m.id,
          platform: m.platform,
          kind: 'remove',
          payload: { reason: 'moderator' },
          priority: PRIORITY.normal,
        });
      }
      break;
    }
    case 'second_opinion': {
      if (!escalation.messageId)
        return { status: 'not_found', notice: 'This item has no message to review.' };
      const queued = await requestReview(
        {
          queues: deps.queues,
          community: deps.community,
          log: deps.log,
          reviewEnabled: deps.reviewEnabled ?? false,
        },
        escalation.messageId,
      );
      await auditModeration(deps, actor, 'second_opinion_requested', escalation.id, {
        queued: queued === 'queued',
      });
      return queued === 'queued'
        ? { status: 'done', notice: 'A second opinion was requested; it will be added to this card.' }
        : { status: 'refused', notice: 'Language-model review is not enabled for this community.' };
    }
    case 'timeout_member':
      return timeoutMember(deps, escalation, actor);
    default:
      return { status: 'refused', notice: 'That action is not available on this card.' };
  }
  if (!updated) return { status: 'conflict', notice: 'This item changed meanwhile; the card will refresh.' };
  if (updated.status !== 'open') await deps.queues.cancelSla(escalation.id);
  await auditModeration(deps, actor, action.actionId, escalation.id, {
    from: escalation.status,
    to: updated.status,
  });
  await enqueueEffects(deps, [...extra, cardUpdate(deps, updated)]);
  return { status: 'done' };
}

async function memberAction(
  deps: ModerationDeps,
  action: IncomingAction,
  actor: string,
): Promise<ActionResult> {
  const message = await getMessage(deps.db, action.subject).catch(() => undefined);
  if (!message || message.communityId !== deps.community.id)
    return { status: 'not_found', notice: 'That message is no longer stored.' };
  if (message.authorId !== action.actor.id) {
    await auditModeration(deps, actor, 'action_refused', message.id, { actionId: action.actionId });
    return { status: 'refused', notice: 'Only the author can do this.' };
  }
  if (action.actionId === 'repost_redacted') {
    if (!message.redactedCipher) return { status: 'not_found', notice: 'That message is no longer stored.' };
    await auditModeration(deps, actor, 'repost_redacted', message.id, {});
    await enqueueEffects(deps, [
      {
        communityId: message.communityId,
        messageId: message.id,
        platform: message.platform,
        kind: 'repost',
        payload: {},
        priority: PRIORITY.normal,
      },
    ]);
    return { status: 'done' };
  }
  // The appeal goes to a different moderator than the one who decided, when a person decided.
  const decided = await latestClosedEscalationFor(deps.db, message.id);
  await openMemberEscalation(deps, actor, message, {
    kind: 'appeal',
    excludedActor: decided?.resolvedBy ?? null,
    reasons: ['member appealed a hold or removal'],
    findingCodes: ['appeal'],
  });
  return { status: 'done', notice: 'Thank you. A moderator will look at your appeal.' };
}

/** Opens a routine escalation raised by a member (appeal or report), audits it and posts its card. */
async function openMemberEscalation(
  deps: ModerationDeps,
  actor: string,
  message: { id: string; communityId: string; authorId: string },
  fields: {
    kind: 'appeal' | 'report';
    excludedActor?: string | null;
    reasons: string[];
    findingCodes: string[];
  },
): Promise<void> {
  const escalation = await createEscalation(deps.db, {
    communityId: message.communityId,
    messageId: message.id,
    authorId: message.authorId,
    priority: 'routine',
    ...fields,
  });
  await auditModeration(deps, actor, fields.kind, escalation.id, { messageId: message.id });
  await enqueueEffects(deps, [
    {
      communityId: message.communityId,
      messageId: message.id,
      escalationId: escalation.id,
      platform: deps.community.current.community.admin_channel.platform,
      kind: 'post_card',
      payload: {},
      priority: PRIORITY.normal,
    },
  ]);
}

async function reportMessage(
  deps: ModerationDeps,
  action: IncomingAction,
  actor: string,
): Promise<ActionResult> {
  const message = await resolveReported(deps, action);
  if (!message)
    return { status: 'not_found', notice: 'Ward has not seen that message, so it cannot be reviewed.' };
  // The reporter is named only in the moderators' card and the audit log, never to the author.
  await openMemberEscalation(deps, actor, message, {
    kind: 'report',
    reasons: [`reported by a member (${actor})`],
    findingCodes: ['member_report'],
  });
  return {
    status: 'done',
    notice: 'Thank you. Moderators will review this message; the author will not see who reported it.',
  };
}

// `subject` is Ward's message id, or `<channel id>/<platform message id>` when the adapter only knows the platform's.
async function resolveReported(deps: ModerationDeps, action: IncomingAction) {
  const slash = action.subject.indexOf('/');
  if (slash < 0) return getMessage(deps.db, action.subject).catch(() => undefined);
  const id = await findFirstVersion(deps.db, {
    platform: action.platform,
    workspaceId: action.workspaceId,
    platformChannelId: action.subject.slice(0, slash),
    platformMessageId: action.subject.slice(slash + 1),
  });
  return id ? getMessage(deps.db, id) : undefined;
}

function cardUpdate(deps: ModerationDeps, e: EscalationRow): NewEffect {
  return cardUpdateEffect(e, deps.community.current.community.admin_channel.platform);
}
