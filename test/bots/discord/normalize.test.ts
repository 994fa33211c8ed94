import { describe, expect, it } from 'vitest';
import { type MessageFacts, toIncomingMessage } from '../../../bots/discord/normalize.ts';

const facts = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  guildId: 'g',
  channelId: 'c',
  parentId: null,
  messageId: 'm',
  authorId: 'a',
  authorRoleIds: ['mod-role'],
  content: 'Ik heb sinds gisteren koorts',
  forumTitle: null,
  createdAt: new Date('2026-01-01T10:00:00Z'),
  editedAt: null,
  ...over,
});
const roles = { moderator: ['mod-role'] };

describe('toIncomingMessage', () => {
  it('translates a channel message', () => {
    expect(toIncomingMessage(facts(), roles, false)).toEqual({
      platform: 'discord',
      workspaceId: 'g',
      channelId: 'c',
      threadId: null,
      platformMessageId: 'm',
      author: { id: 'a', roles: ['member', 'moderator'] },
      text: 'Ik heb sinds gisteren koorts',
      sentAt: new Date('2026-01-01T10:00:00Z'),
      edited: false,
      locale: null,
    });
  });

  it('puts thread messages under the parent channel so the configured space applies', () => {
    expect(toIncomingMessage(facts({ channelId: 't', parentId: 'c' }), roles, false)).toMatchObject({
      channelId: 'c',
      threadId: 't',
    });
  });

  it('prefixes a forum post’s title, and dates an edit by its edit time', () => {
    const edited = new Date('2026-01-01T11:00:00Z');
    const msg = toIncomingMessage(
      facts({ forumTitle: 'Question about metformin', editedAt: edited }),
      roles,
      true,
    );
    expect(msg.text).toBe('Question about metformin\nIk heb sinds gisteren koorts');
    expect(msg).toMatchObject({ edited: true, sentAt: edited });
  });
});
