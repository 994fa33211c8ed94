import { type REST, Routes } from 'discord.js';
import type { Logger } from 'pino';
import { PlatformPermissionError } from '../../worker/errors.ts';
import type { DeliveryReceipt, OutboundEffect } from '../contract.ts';
import { isDmRefused } from './errors.ts';
import { postSplit } from './post.ts';
import { renderButtons } from './render-card.ts';

type DmEffect = Extract<OutboundEffect, { kind: 'dm_author' }>;

const MAX_CACHED_DM_CHANNELS = 5_000;

/** Sends private messages to authors, and when Discord refuses (DMs closed) leaves a note for moderators instead. */
export class DirectMessenger {
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly rest: REST,
    private readonly moderatorChannelId: () => string | null,
    private readonly log: Logger | undefined,
  ) {}

  /** Delivers a dm_author effect; never drops it silently: fallback note, or a coded error for the worker. */
  async send(effect: DmEffect, signal: AbortSignal): Promise<DeliveryReceipt> {
    const userId = effect.target.authorId;
    try {
      const channelId = await this.dmChannel(userId, signal);
      const components = renderButtons(effect.buttons, effect.target.workspaceId);
      const id = await postSplit(
        this.rest,
        channelId,
        effect.text,
        { components, allowed_mentions: { parse: [] } },
        signal,
      );
      return { platformMessageId: id };
    } catch (err) {
      if (!isDmRefused(err)) throw err;
      this.log?.warn(
        { effectId: effect.effectId, code: 'dm_refused' },
        'author does not accept DMs; noting it for moderators',
      );
      return this.noteForModerators(effect, signal);
    }
  }

  private async noteForModerators(effect: DmEffect, signal: AbortSignal): Promise<DeliveryReceipt> {
    const channelId = this.moderatorChannelId();
    if (!channelId) {
      throw new PlatformPermissionError(
        403,
        `DM refused for effect ${effect.effectId} and no moderator channel`,
      );
    }
    const header =
      `Ward could not send a private message to <@${effect.target.authorId}> (their DMs are closed). ` +
      `Please pass it on (effect ${effect.effectId}):\n`;
    const quoted = effect.text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const id = await postSplit(
      this.rest,
      channelId,
      header + quoted,
      { allowed_mentions: { parse: [] } },
      signal,
    );
    return { platformMessageId: id };
  }

  private async dmChannel(userId: string, signal: AbortSignal): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
      signal,
    })) as { id: string };
    if (this.dmChannels.size >= MAX_CACHED_DM_CHANNELS) {
      const oldest = this.dmChannels.keys().next().value;
      if (oldest !== undefined) this.dmChannels.delete(oldest);
    }
    this.dmChannels.set(userId, channel.id);
    return channel.id;
  }
}
