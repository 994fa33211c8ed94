import type { CommunityConfig } from '../../policies/core/community-config.ts';
import type { IncomingMessage } from '../contract.ts';
import { mapMemberRoles } from './roles.ts';

/** The platform-neutral facts the adapter reads off a discord.js message; plain data so translation is pure. */
export interface MessageFacts {
  guildId: string;
  /** The channel the message lives in: a text channel, or a thread / forum post. */
  channelId: string;
  /** Parent channel when `channelId` is a thread or forum post, else null. */
  parentId: string | null;
  messageId: string;
  authorId: string;
  authorRoleIds: readonly string[];
  content: string;
  /** Name of the forum post when this is its opening message: titles are text members write too. */
  forumTitle: string | null;
  createdAt: Date;
  editedAt: Date | null;
}

/** Where a message lives, in contract terms: the configured (parent) channel and the thread, if any. */
export function locate(
  channelId: string,
  parentId: string | null,
): { channelId: string; threadId: string | null } {
  return parentId ? { channelId: parentId, threadId: channelId } : { channelId, threadId: null };
}

/** Translates message facts into the contract's IncomingMessage; `edited` marks a messageUpdate. */
export function toIncomingMessage(
  facts: MessageFacts,
  roles: CommunityConfig['roles'],
  edited: boolean,
): IncomingMessage {
  const text = facts.forumTitle ? `${facts.forumTitle}\n${facts.content}` : facts.content;
  return {
    platform: 'discord',
    workspaceId: facts.guildId,
    ...locate(facts.channelId, facts.parentId),
    platformMessageId: facts.messageId,
    author: { id: facts.authorId, roles: mapMemberRoles(facts.authorRoleIds, roles) },
    text,
    sentAt: edited && facts.editedAt ? facts.editedAt : facts.createdAt,
    edited,
    // Discord messages carry no language; ingest falls back to the community's locale.
    locale: null,
  };
}
