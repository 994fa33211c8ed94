import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { IncomingAction } from '../contract.ts';
import { escapeAndFit } from './mrkdwn.ts';
import { slackErrorCode } from './web-errors.ts';

const TTL_MS = 30 * 60_000;

function keyOf(action: Pick<IncomingAction, 'workspaceId' | 'actionId' | 'subject' | 'actor'>): string {
  return [action.workspaceId, action.actor.id, action.actionId, action.subject].join('\u0000');
}

/**
 * Remembers where each button press came from, so Ward's answer to it (a refusal, a confirmation) can be shown
 * to the presser only: ephemeral in that channel, or a DM when the press is no longer known.
 */
export class ActionReplies {
  private readonly where = new Map<string, { channelId: string | null; at: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the channel a press came from. */
  remember(action: IncomingAction, channelId: string | null): void {
    const now = this.now();
    for (const [key, v] of this.where) {
      if (now - v.at < TTL_MS) break;
      this.where.delete(key);
    }
    this.where.set(keyOf(action), { channelId, at: now });
  }

  /** Shows `text` to the member who acted (in `channelId` if given); false when Slack refused. Never throws. */
  async answer(action: IncomingAction, text: string, channelId?: string): Promise<boolean> {
    const body = escapeAndFit(text, 3000);
    const user = action.actor.id;
    const channel = channelId ?? this.where.get(keyOf(action))?.channelId ?? null;
    try {
      if (channel) {
        await this.client.chat.postEphemeral({ channel, user, text: body });
      } else {
        const dm = await this.client.conversations.open({ users: user });
        if (!dm.channel?.id) return false;
        await this.client.chat.postMessage({ channel: dm.channel.id, text: body });
      }
      return true;
    } catch (err) {
      this.log.warn({ actionId: action.actionId, code: slackErrorCode(err) }, 'slack action answer failed');
      return false;
    }
  }
}
