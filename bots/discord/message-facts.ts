import { ChannelType, type Message } from 'discord.js';
import type { MessageFacts } from './normalize.ts';

/** True for messages Ward never evaluates: other bots, webhooks, Ward itself, system notices, DMs. */
export function isIgnoredMessage(message: Message, selfId: string | undefined): boolean {
  if (!message.inGuild()) return true;
  if (message.system || message.webhookId) return true;
  const author = message.author;
  return author.bot || author.id === selfId;
}

/** Reads the facts the translation needs off a complete (non-partial) guild message. */
export function factsOf(message: Message<true>): MessageFacts {
  const channel = message.channel;
  const isThread = channel.isThread();
  const parent = isThread ? channel.parent : null;
  const isForumStarter =
    isThread &&
    message.id === channel.id &&
    (parent?.type === ChannelType.GuildForum || parent?.type === ChannelType.GuildMedia);
  return {
    guildId: message.guildId,
    channelId: channel.id,
    parentId: isThread ? channel.parentId : null,
    messageId: message.id,
    authorId: message.author.id,
    authorRoleIds: message.member ? [...message.member.roles.cache.keys()] : [],
    content: message.content,
    forumTitle: isForumStarter ? channel.name : null,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
  };
}
