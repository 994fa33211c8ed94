import { type Client, Events, type Message, type PartialMessage } from 'discord.js';
import type { Logger } from 'pino';
import type { CommunityConfig } from '../../../policies/core/community-config.ts';
import { errorCodeOf } from '../../../worker/errors.ts';
import type { IngestPort } from '../../contract.ts';
import { factsOf, isIgnoredMessage } from '../message-facts.ts';
import { locate, type MessageFacts, toIncomingMessage } from '../normalize.ts';
import { KeyedSequencer } from '../ordered.ts';
import { withRetry } from '../retry.ts';

/** What the message listeners need. */
export interface MessageListenerDeps {
  ingest: IngestPort;
  roles: () => CommunityConfig['roles'];
  logger: Logger | undefined;
}

/** Where a (possibly partial) message lives, in contract terms. */
function whereIs(message: Message | PartialMessage): { channelId: string; threadId: string | null } {
  const channel = message.channel;
  return locate(channel.id, channel.isThread() ? channel.parentId : null);
}

/** The author's role ids when the member is not cached (messages normally carry it). */
async function fetchRoleIds(message: Message<true>): Promise<string[]> {
  const member = await message.guild.members.fetch(message.author.id).catch(() => null);
  return member ? [...member.roles.cache.keys()] : [];
}

/** True for a messageUpdate that is a real edit: link previews arrive as updates with no edit time. */
function isRealEdit(old: Message | PartialMessage, message: Message): boolean {
  if (message.editedTimestamp === null) return false;
  return old.partial || old.content !== message.content;
}

/** Subscribes to message create, update, delete and bulk delete, forwarding each to ingest in order per message. */
export function attachMessageListeners(client: Client, deps: MessageListenerDeps): void {
  const { ingest, logger } = deps;
  const sequencer = new KeyedSequencer();

  async function forward(message: Message<true>, snapshot: MessageFacts, edited: boolean): Promise<void> {
    const facts = message.member ? snapshot : { ...snapshot, authorRoleIds: await fetchRoleIds(message) };
    const incoming = toIncomingMessage(facts, deps.roles(), edited);
    await withRetry(() => ingest.receive(incoming));
  }

  function queue(what: string, messageId: string, work: () => Promise<void>): void {
    sequencer
      .run(messageId, work)
      .catch((err: unknown) =>
        logger?.error({ messageId, code: errorCodeOf(err) }, `discord ${what} not ingested`),
      );
  }

  client.on(Events.MessageCreate, (message) => {
    if (isIgnoredMessage(message, client.user?.id) || !message.inGuild()) return;
    // Snapshot now: a later MESSAGE_UPDATE patches this same cached object in place.
    const facts = factsOf(message);
    queue('message', message.id, () => forward(message, facts, false));
  });

  client.on(Events.MessageUpdate, (old, updated) => {
    if (!updated.partial) {
      if (isIgnoredMessage(updated, client.user?.id) || !updated.inGuild() || !isRealEdit(old, updated))
        return;
      const facts = factsOf(updated);
      return queue('edit', updated.id, () => forward(updated, facts, true));
    }
    // Not cached (sent before Ward started): fetch the whole message first.
    queue('edit', updated.id, async () => {
      const message = await updated.fetch();
      if (isIgnoredMessage(message, client.user?.id) || !message.inGuild() || !isRealEdit(old, message))
        return;
      await forward(message, factsOf(message), true);
    });
  });

  client.on(Events.MessageDelete, (message) => {
    if (!message.guildId || (!message.partial && isIgnoredMessage(message, client.user?.id))) return;
    const ref = {
      platform: 'discord' as const,
      workspaceId: message.guildId,
      channelId: whereIs(message).channelId,
      platformMessageId: message.id,
    };
    queue('delete', message.id, () => withRetry(() => ingest.deleted(ref)));
  });

  client.on(Events.MessageBulkDelete, (messages, channel) => {
    const { channelId } = locate(channel.id, channel.isThread() ? channel.parentId : null);
    for (const message of messages.values()) {
      const ref = {
        platform: 'discord' as const,
        workspaceId: channel.guildId,
        channelId,
        platformMessageId: message.id,
      };
      queue('bulk delete', message.id, () => withRetry(() => ingest.deleted(ref)));
    }
  });
}
