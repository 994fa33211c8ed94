import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import type {
  ActionResult,
  IncomingAction,
  IncomingMessage,
  IngestPort,
  IngestResult,
  MessageRef,
} from '../bots/contract.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../db/crypto.ts';
import { cancelEffectsFor } from '../db/repositories/effects.ts';
import { insertVersion, relinkVersions } from '../db/repositories/message-versions.ts';
import { markDeleted } from '../db/repositories/messages.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import type { CommunityState } from './community.ts';
import { ErrorCode, WardError } from './errors.ts';
import type { WardQueues } from './queues.ts';
import { suspectsCrisis } from './evaluate/crisis-prescreen.ts';
import { toWellFormed } from './text-limits.ts';

const zIncoming = z.object({
  platform: z.enum(['slack', 'discord', 'sandbox', 'bridge']),
  workspaceId: z.string().min(1).max(200),
  channelId: z.string().min(1).max(200),
  threadId: z.string().max(200).nullable(),
  platformMessageId: z.string().min(1).max(200),
  author: z.object({ id: z.string().min(1).max(200), roles: z.array(z.string().max(200)).max(100) }),
  text: z.string().max(1_000_000),
  sentAt: z.date(),
  edited: z.boolean(),
  locale: z.string().max(20).nullable(),
});

/** Receives messages from adapters: validates, encrypts, persists, enqueues. Does nothing slow. */
export class StandardIngest implements IngestPort {
  /** Called for moderator/member actions; the moderation worker sets it. */
  onAction: ((action: IncomingAction) => Promise<ActionResult>) | null = null;

  constructor(
    private readonly db: Db,
    private readonly cipher: DataCipher,
    private readonly queues: WardQueues,
    private readonly community: CommunityState,
    private readonly log: Logger,
  ) {}

  async receive(input: IncomingMessage): Promise<IngestResult> {
    const parsed = zIncoming.safeParse(input);
    if (!parsed.success) {
      // Paths only: zod issue messages can quote the offending value.
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new WardError(ErrorCode.BadInput, `malformed incoming message: ${fields}`);
    }
    const msg = parsed.data;
    const channel = this.community.channel(msg.platform, msg.channelId);
    if (!channel) {
      this.log.warn(
        { platform: msg.platform, channelId: msg.channelId },
        'message from an unconfigured channel ignored',
      );
      return { status: 'ignored', reason: 'unknown_channel' };
    }
    const text = toWellFormed(msg.text);
    if (text.trim() === '') return { status: 'ignored', reason: 'empty' };

    const mac = this.cipher.mac(text);
    const ref = {
      platform: msg.platform,
      workspaceId: msg.workspaceId,
      platformChannelId: msg.channelId,
      platformMessageId: msg.platformMessageId,
    };
    const id = messageIdFor(ref, mac);
    const stored = await insertVersion(this.db, {
      id,
      communityId: this.community.id,
      ...ref,
      threadId: msg.threadId,
      authorId: msg.author.id,
      authorRoles: this.community.effectiveRoles(msg.platform, msg.author.id, msg.author.roles),
      space: channel.space,
      locale: msg.locale,
      contentMac: mac,
      textLength: text.length,
      textCipher: this.cipher.encrypt(text),
      sentAt: msg.sentAt,
    });
    // An original that arrived after its edits becomes their first version: they are re-pointed before evaluation.
    if (stored.displacedRoot) await relinkVersions(this.db, ref, stored.id);
    // A redelivery of a message not yet evaluated is enqueued again: the job id makes that a no-op if queued.
    if (stored.inserted || stored.status === 'received') {
      await this.queues.enqueueEvaluate(stored.id, suspectsCrisis(this.community, channel, msg, text));
    }
    this.log.debug(
      { messageId: stored.id, platform: msg.platform, inserted: stored.inserted },
      'message received',
    );
    return stored.inserted
      ? { status: 'accepted', messageId: stored.id }
      : { status: 'duplicate', messageId: stored.id };
  }

  async deleted(ref: Omit<MessageRef, 'authorId' | 'threadId'>): Promise<void> {
    const ids = await markDeleted(this.db, {
      platform: ref.platform,
      workspaceId: ref.workspaceId,
      platformChannelId: ref.channelId,
      platformMessageId: ref.platformMessageId,
    });
    if (ids.length === 0) return;
    const cancelled = await cancelEffectsFor(this.db, ids);
    await this.db.transaction((tx) =>
      appendAudit(
        tx,
        ids.map((id) => ({
          communityId: this.community.id,
          actor: `${ref.platform}:author`,
          action: 'message_deleted',
          subjectType: 'message',
          subjectId: id,
          detail: { cancelledEffects: cancelled },
        })),
      ),
    );
  }

  async action(action: IncomingAction): Promise<ActionResult> {
    if (!this.onAction) throw new WardError(ErrorCode.ServiceUnavailable, 'no moderation handler is running');
    return this.onAction(action);
  }
}

/** The id ingest gives `msg` (what `receive` returns unless it ignores the message), computable beforehand. */
export function expectedMessageId(msg: IncomingMessage, cipher: Pick<DataCipher, 'mac'>): string {
  return messageIdFor(
    {
      platform: msg.platform,
      workspaceId: msg.workspaceId,
      platformChannelId: msg.channelId,
      platformMessageId: msg.platformMessageId,
    },
    cipher.mac(toWellFormed(msg.text)),
  );
}

/** A stable message id derived from the platform message and its content MAC, so redeliveries map to one row. */
export function messageIdFor(
  ref: { platform: string; workspaceId: string; platformChannelId: string; platformMessageId: string },
  mac: string,
): string {
  const h = createHash('sha256')
    .update([ref.platform, ref.workspaceId, ref.platformChannelId, ref.platformMessageId, mac].join('\u0000'))
    .digest('hex');
  // Shaped as a version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
