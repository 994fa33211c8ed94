import type { ChatMessage, SpaceKind } from '../../policies/core/types.ts';

/** A ChatMessage for unit tests. */
export function chatMessage(
  text: string,
  overrides: Partial<ChatMessage> & { space?: SpaceKind } = {},
): ChatMessage {
  return {
    id: 'm-1',
    platform: 'sandbox',
    workspaceId: 'w',
    channelId: 'ch',
    threadId: null,
    platformMessageId: 'pm-1',
    author: { id: 'u-1', roles: [] },
    space: 'peer_support',
    text,
    sentAt: new Date(0),
    editOf: null,
    locale: null,
    ...overrides,
  };
}
