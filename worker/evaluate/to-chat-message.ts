import type { MessageRow } from '../../db/repositories/messages.ts';
import type { ChatMessage, Platform, SpaceKind } from '../../policies/core/types.ts';

/** The ChatMessage policies see for a stored message row and its (decrypted) text. */
export function toChatMessage(row: MessageRow, text: string): ChatMessage {
  return {
    id: row.id,
    platform: row.platform as Platform,
    workspaceId: row.workspaceId,
    channelId: row.platformChannelId,
    threadId: row.threadId,
    platformMessageId: row.platformMessageId,
    author: { id: row.authorId, roles: row.authorRoles },
    space: row.space as SpaceKind,
    text,
    sentAt: row.sentAt,
    editOf: row.editOf,
    locale: row.locale,
  };
}
