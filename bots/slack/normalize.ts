import type { IncomingMessage, MessageRef } from '../contract.ts';
import { slackTextToPlain } from './slack-text.ts';

/** The fields of a Slack `message` event (and its nested edit) that Ward reads. */
export interface SlackMessageEvent {
  type?: string;
  subtype?: string;
  channel?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  deleted_ts?: string;
  edited?: { ts?: string };
  message?: SlackMessageEvent;
  previous_message?: SlackMessageEvent;
}

/** Who Ward is in this workspace, so its own messages are never evaluated. */
export interface SlackSelf {
  workspaceId: string;
  botUserId: string | null;
  botId: string | null;
}

/** What an incoming message event means for Ward. */
export type SlackMessageIntent =
  | { kind: 'message'; message: Omit<IncomingMessage, 'author'> & { authorId: string } }
  | { kind: 'deleted'; ref: Omit<MessageRef, 'authorId' | 'threadId'> }
  | { kind: 'ignore'; reason: string };

// Subtypes that carry a member's own words; everything else (joins, topic changes, bots…) is not evaluated.
const MEMBER_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message']);

/** A Slack timestamp (`1700000000.000100`) as a Date. */
export function slackTsToDate(ts: string): Date {
  return new Date(Math.round(Number.parseFloat(ts) * 1000));
}

function isFromBot(m: SlackMessageEvent, self: SlackSelf): boolean {
  if (m.bot_id || m.subtype === 'bot_message') return true;
  return self.botUserId !== null && m.user === self.botUserId;
}

function toMessage(
  m: SlackMessageEvent,
  channel: string,
  self: SlackSelf,
  edited: boolean,
): SlackMessageIntent {
  if (!m.user || !m.ts) return { kind: 'ignore', reason: 'incomplete' };
  return {
    kind: 'message',
    message: {
      platform: 'slack',
      workspaceId: self.workspaceId,
      channelId: channel,
      threadId: m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null,
      platformMessageId: m.ts,
      authorId: m.user,
      text: slackTextToPlain(m.text ?? ''),
      sentAt: slackTsToDate(edited && m.edited?.ts ? m.edited.ts : m.ts),
      edited,
      locale: null,
    },
  };
}

/**
 * Classifies a Slack message event: a new message, an edit (`message_changed`, same platform message id),
 * a deletion, or something to ignore. Pure.
 */
export function classifyMessageEvent(event: SlackMessageEvent, self: SlackSelf): SlackMessageIntent {
  const channel = event.channel;
  if (!channel) return { kind: 'ignore', reason: 'no_channel' };
  if (event.subtype === 'message_deleted') {
    if (!event.deleted_ts) return { kind: 'ignore', reason: 'incomplete' };
    if (event.previous_message && isFromBot(event.previous_message, self))
      return { kind: 'ignore', reason: 'bot' };
    const ref = { platform: 'slack' as const, workspaceId: self.workspaceId, channelId: channel };
    return { kind: 'deleted', ref: { ...ref, platformMessageId: event.deleted_ts } };
  }
  if (event.subtype === 'message_changed') {
    const m = event.message;
    if (!m) return { kind: 'ignore', reason: 'incomplete' };
    if (isFromBot(m, self)) return { kind: 'ignore', reason: 'bot' };
    // A thread parent deleted while replies remain turns into a tombstone.
    if (m.subtype === 'tombstone' && m.ts) {
      const ref = { platform: 'slack' as const, workspaceId: self.workspaceId, channelId: channel };
      return { kind: 'deleted', ref: { ...ref, platformMessageId: m.ts } };
    }
    // Unfurls and new thread replies also fire message_changed; only a changed text is an edit.
    if (event.previous_message && event.previous_message.text === m.text)
      return { kind: 'ignore', reason: 'unchanged' };
    return toMessage(m, channel, self, true);
  }
  if (isFromBot(event, self)) return { kind: 'ignore', reason: 'bot' };
  if (!MEMBER_SUBTYPES.has(event.subtype)) return { kind: 'ignore', reason: 'subtype' };
  return toMessage(event, channel, self, false);
}

/** The message a member reported through the "Report to moderators" shortcut, as Ward would have received it. */
export function classifyReportedMessage(
  message: SlackMessageEvent,
  channel: string,
  self: SlackSelf,
): SlackMessageIntent {
  if (isFromBot(message, self)) return { kind: 'ignore', reason: 'bot' };
  if (!MEMBER_SUBTYPES.has(message.subtype)) return { kind: 'ignore', reason: 'subtype' };
  return toMessage(message, channel, self, Boolean(message.edited));
}
