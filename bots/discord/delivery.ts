import { type REST, Routes } from 'discord.js';
import type { Logger } from 'pino';
import type { DeliveryReceipt, MessageRef, OutboundEffect, PlatformDelivery } from '../contract.ts';
import { DirectMessenger } from './dm.ts';
import { isUnknownMessage, toPlatformError } from './errors.ts';
import { postSplit } from './post.ts';
import { renderCard } from './render-card.ts';
import { timeoutMember } from './timeout.ts';
import { DiscordLimits, truncate } from './text-limits.ts';

/** What createDiscordDelivery needs. */
export interface DiscordDeliveryOptions {
  /** discord.js's REST client (its queue handles rate-limit buckets). */
  rest: REST;
  /** Where notes go when an author cannot be DMed; the community's Discord admin channel. */
  /** A function follows config reloads. */
  moderatorChannelId: string | null | (() => string | null);
  logger?: Logger;
  /** Upper bound on one effect, including any rate-limit waits, so nothing waits forever. Default 60 s. */
  effectTimeoutMs?: number;
}

/** The channel a message lives in: the thread (or forum post) when it has one. */
function home(target: MessageRef): string {
  return target.threadId ?? target.channelId;
}

/** Creates the Discord PlatformDelivery: one REST call (or a short sequence) per OutboundEffect kind. */
export function createDiscordDelivery(options: DiscordDeliveryOptions): PlatformDelivery {
  const { rest, logger } = options;
  const moderators = options.moderatorChannelId;
  const dms = new DirectMessenger(
    rest,
    typeof moderators === 'function' ? moderators : () => moderators,
    logger,
  );
  const timeoutMs = options.effectTimeoutMs ?? 60_000;

  async function run(effect: OutboundEffect, signal: AbortSignal): Promise<DeliveryReceipt> {
    switch (effect.kind) {
      case 'remove': {
        const route = Routes.channelMessage(home(effect.target), effect.target.platformMessageId);
        try {
          await rest.delete(route, { reason: `Ward effect ${effect.effectId}`, signal });
        } catch (err) {
          // Already gone (author deleted it, or an earlier attempt succeeded): the effect holds.
          if (!isUnknownMessage(err)) throw err;
          logger?.info({ effectId: effect.effectId, code: 'already_deleted' }, 'message already gone');
        }
        return {};
      }
      case 'dm_author':
        return dms.send(effect, signal);
      case 'reply_in_thread': {
        const message_reference = { message_id: effect.target.platformMessageId, fail_if_not_exists: false };
        const allowed_mentions = { parse: [], replied_user: true };
        const id = await postSplit(
          rest,
          home(effect.target),
          effect.text,
          { message_reference, allowed_mentions },
          signal,
        );
        return { platformMessageId: id };
      }
      case 'repost': {
        const content = `<@${effect.target.authorId}> wrote (personal details removed by Ward):\n${effect.text}`;
        const id = await postSplit(
          rest,
          home(effect.target),
          content,
          { allowed_mentions: { parse: [] } },
          signal,
        );
        return { platformMessageId: id };
      }
      case 'post_card': {
        const body = renderCard(effect.card);
        const posted = (await rest.post(Routes.channelMessages(effect.channelId), { body, signal })) as {
          id: string;
        };
        return { platformMessageId: posted.id };
      }
      case 'update_card': {
        const { allowed_mentions: _unused, ...body } = renderCard(effect.card);
        const route = Routes.channelMessage(effect.channelId, effect.platformMessageId);
        await rest.patch(route, { body: { ...body, allowed_mentions: { parse: [] } }, signal });
        return { platformMessageId: effect.platformMessageId };
      }
      case 'alert_moderators':
      case 'post_message': {
        const id = await postSplit(
          rest,
          effect.channelId,
          effect.text,
          { allowed_mentions: { parse: [] } },
          signal,
        );
        return { platformMessageId: id };
      }
      case 'timeout_member':
        return timeoutMember(rest, effect, signal);
      case 'update_message': {
        const route = Routes.channelMessage(effect.channelId, effect.platformMessageId);
        const content = truncate(effect.text, DiscordLimits.content);
        await rest.patch(route, { body: { content, allowed_mentions: { parse: [] } }, signal });
        return { platformMessageId: effect.platformMessageId };
      }
    }
  }

  return {
    platform: 'discord',
    async deliver(effect) {
      try {
        return await run(effect, AbortSignal.timeout(timeoutMs));
      } catch (err) {
        throw toPlatformError(err, effect.effectId);
      }
    },
  };
}
