import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DeliveryReceipt, MessageRef, OutboundEffect, PlatformDelivery } from '../contract.ts';
import { ErrorCode, PlatformRateLimitedError, UnrecoverableWardError } from '../../worker/errors.ts';
import { ChannelLimiter } from './channel-limiter.ts';
import { slackLabels } from './labels.ts';
import { escapeAndFit, escapeMrkdwn } from './mrkdwn.ts';
import { renderActions } from './render-buttons.ts';
import { renderCard } from './render-card.ts';
import { isMessageGone, toWardError } from './web-errors.ts';

/** What the Slack delivery needs. */
export interface SlackDeliveryOptions {
  /** Web client with the bot token; it must reject rate-limited calls rather than wait in process. */
  client: webApi.WebClient;
  /** Web client with a workspace admin's user token: the only way to delete other people's messages. */
  adminClient?: webApi.WebClient | null;
  /** Where removal requests go when there is no admin token (the community's admin channel). */
  adminChannelId: string | null;
  locale?: string | null;
  limiter?: ChannelLimiter;
  logger?: Logger;
}

const TEXT_MAX = 3000;

/** The outbound half of the Slack adapter: every OutboundEffect kind as Web API calls. Text arrives redacted. */
export function createSlackDelivery(options: SlackDeliveryOptions): PlatformDelivery {
  const { client, adminClient = null, adminChannelId } = options;
  const limiter = options.limiter ?? new ChannelLimiter();
  const labels = slackLabels(options.locale);
  const dmChannels = new Map<string, string>();

  async function call<T>(method: string, channel: string | null, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const mapped = toWardError(err, method);
      if (mapped instanceof PlatformRateLimitedError && channel)
        limiter.backOff(channel, mapped.retryAfterMs);
      throw mapped;
    }
  }

  async function post(args: webApi.ChatPostMessageArguments): Promise<string | undefined> {
    await limiter.acquire(args.channel);
    const res = await call('chat.postMessage', args.channel, () =>
      client.chat.postMessage({ unfurl_links: false, unfurl_media: false, ...args }),
    );
    return res.ts;
  }

  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const res = await call('conversations.open', null, () => client.conversations.open({ users: userId }));
    const id = res.channel?.id;
    if (!id) throw toWardError(new Error('conversations.open returned no channel'), 'conversations.open');
    if (dmChannels.size >= 10_000) dmChannels.clear();
    dmChannels.set(userId, id);
    return id;
  }

  async function permalink(target: MessageRef): Promise<string> {
    try {
      const res = await client.chat.getPermalink({
        channel: target.channelId,
        message_ts: target.platformMessageId,
      });
      return res.permalink ?? '';
    } catch {
      return ''; // The channel reference in the text still says where to look.
    }
  }

  async function remove(target: MessageRef, authorNotified: boolean): Promise<DeliveryReceipt> {
    if (adminClient) {
      try {
        await adminClient.chat.delete({ channel: target.channelId, ts: target.platformMessageId });
      } catch (err) {
        if (!isMessageGone(err)) throw toWardError(err, 'chat.delete');
      }
      return {};
    }
    // Bot tokens cannot delete other people's messages: ask moderators and the author instead.
    const link = await permalink(target);
    if (adminChannelId) {
      await post({ channel: adminChannelId, text: labels.removalAlert(`<#${target.channelId}>`, link) });
    }
    // When the worker's own private message carries the edit request, one DM per hold is enough.
    if (!authorNotified)
      await post({ channel: await dmChannel(target.authorId), text: labels.askToEdit(link) });
    options.logger?.info(
      { channelId: target.channelId, ts: target.platformMessageId },
      'slack removal requested',
    );
    return {};
  }

  // Without an admin token the held message stays up: the one DM also asks the author to delete or edit it.
  async function dmText(effect: Extract<OutboundEffect, { kind: 'dm_author' }>): Promise<string> {
    if (adminClient || !effect.editRequest) return escapeAndFit(effect.text, TEXT_MAX);
    const link = await permalink(effect.target);
    const ask = `\n\n${escapeMrkdwn(effect.editRequest)}${link ? ` ${link}` : ''}`;
    return `${escapeAndFit(effect.text, TEXT_MAX - ask.length)}${ask}`;
  }

  async function deliver(effect: OutboundEffect): Promise<DeliveryReceipt> {
    switch (effect.kind) {
      case 'remove':
        return remove(effect.target, effect.authorNotified === true);
      case 'dm_author': {
        const text = await dmText(effect);
        const actions = renderActions(effect.buttons, labels.routeTo);
        const blocks = [
          { type: 'section' as const, text: { type: 'mrkdwn' as const, text } },
          ...(actions ? [actions] : []),
        ];
        const ts = await post({ channel: await dmChannel(effect.target.authorId), text, blocks });
        return { platformMessageId: ts };
      }
      case 'reply_in_thread': {
        const { channelId, threadId, platformMessageId } = effect.target;
        const ts = await post({
          channel: channelId,
          thread_ts: threadId ?? platformMessageId,
          text: escapeAndFit(effect.text, TEXT_MAX),
        });
        return { platformMessageId: ts };
      }
      case 'repost': {
        const text = escapeAndFit(effect.text, TEXT_MAX);
        const note = labels.reposted(`<@${effect.target.authorId}>`);
        const ts = await post({
          channel: effect.target.channelId,
          ...(effect.target.threadId ? { thread_ts: effect.target.threadId } : {}),
          text,
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text } },
            { type: 'context', elements: [{ type: 'mrkdwn', text: note }] },
          ],
        });
        return { platformMessageId: ts };
      }
      case 'post_card': {
        const ts = await post({ channel: effect.channelId, ...renderCard(effect.card, options.locale) });
        return { platformMessageId: ts };
      }
      case 'update_card': {
        const { channelId, platformMessageId } = effect;
        await call('chat.update', channelId, () =>
          client.chat.update({
            channel: channelId,
            ts: platformMessageId,
            ...renderCard(effect.card, options.locale),
          }),
        );
        return { platformMessageId };
      }
      case 'alert_moderators': {
        const ts = await post({ channel: effect.channelId, text: escapeAndFit(effect.text, TEXT_MAX) });
        return { platformMessageId: ts };
      }
      case 'post_message': {
        const ts = await post({ channel: effect.channelId, text: escapeAndFit(effect.text, TEXT_MAX) });
        return { platformMessageId: ts };
      }
      case 'timeout_member':
        // Slack's API has no member timeouts; Ward never offers the button for Slack members.
        throw new UnrecoverableWardError(ErrorCode.NoDelivery, 'slack has no member timeouts');
      case 'update_message': {
        const { channelId, platformMessageId } = effect;
        const text = escapeAndFit(effect.text, TEXT_MAX);
        await call('chat.update', channelId, () =>
          client.chat.update({ channel: channelId, ts: platformMessageId, text }),
        );
        return { platformMessageId };
      }
    }
  }

  return { platform: 'slack', deliver };
}
