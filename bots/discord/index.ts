import { type Client, Events } from 'discord.js';
import { once } from 'node:events';
import type { Logger } from 'pino';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { errorCodeOf } from '../../worker/errors.ts';
import type { IngestPort, PlatformDelivery } from '../contract.ts';
import { createDiscordClient, type DiscordClientOptions } from './client.ts';
import { type CommandHandler, registerGuildCommands } from './commands.ts';
import { createDiscordDelivery } from './delivery.ts';
import { type DiscordEnv, parseDiscordEnv } from './env.ts';
import { attachInteractionListeners } from './listeners/interactions.ts';
import { attachMessageListeners } from './listeners/messages.ts';

export type { CommandHandler, CommandReply, CommandRequest } from './commands.ts';
export { commandDefinitions, REPORT_COMMAND } from './commands.ts';
export { decodeCustomId, encodeCustomId } from './custom-id.ts';
export { createDiscordDelivery, type DiscordDeliveryOptions } from './delivery.ts';
export { type DiscordEnv, parseDiscordEnv, zDiscordEnv } from './env.ts';
export { inviteUrl, WARD_PERMISSIONS } from './invite.ts';
export { parseMessageLink } from './message-link.ts';
export { toIncomingMessage } from './normalize.ts';
export { renderCard } from './render-card.ts';
export { mapMemberRoles } from './roles.ts';
export { WARD_INTENTS } from './client.ts';

/** What startDiscordAdapter needs. */
export interface DiscordAdapterOptions extends DiscordClientOptions {
  ingest: IngestPort;
  /** The community config; a function lets a reloaded config take effect without a restart. */
  config: CommunityConfig | (() => CommunityConfig);
  /** Raw environment (process.env) or an already parsed DiscordEnv. */
  env: Record<string, string | undefined> | DiscordEnv;
  logger?: Logger;
  /** Answers for `/ward explain|status|config check`; without one they reply "not available yet". */
  commands?: CommandHandler;
  /** Bound on one outbound effect including rate-limit waits. Default 60 s. */
  effectTimeoutMs?: number;
}

/** A running Discord adapter. */
export interface DiscordAdapter {
  delivery: PlatformDelivery;
  client: Client;
  stop(): Promise<void>;
}

/** Logs in to Discord, forwards messages and interactions to ingest, registers guild commands, and returns the delivery. */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<DiscordAdapter> {
  const env = parseDiscordEnv(options.env);
  const logger = options.logger;
  const configOf =
    typeof options.config === 'function' ? options.config : () => options.config as CommunityConfig;
  const roles = () => configOf().roles;
  const client = createDiscordClient(env, options);

  attachMessageListeners(client, { ingest: options.ingest, roles, logger });
  attachInteractionListeners(client, {
    ingest: options.ingest,
    roles,
    commands: options.commands ?? null,
    logger,
  });

  const register = (guildId: string) =>
    registerGuildCommands(client.rest, env.DISCORD_APPLICATION_ID, guildId).catch((err: unknown) =>
      logger?.error(
        { guildId, code: errorCodeOf(err) },
        'discord commands not registered (applications.commands scope?)',
      ),
    );
  client.on(Events.GuildCreate, (guild) => void register(guild.id));
  client.on(Events.Error, (err) => logger?.error({ code: errorCodeOf(err) }, 'discord client error'));

  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined); // awaited below; this only stops an early rejection from going unhandled
  try {
    await client.login(env.DISCORD_TOKEN);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  await Promise.all(client.guilds.cache.map((guild) => register(guild.id)));
  logger?.info({ guilds: client.guilds.cache.size }, 'discord adapter ready');

  const delivery = createDiscordDelivery({
    rest: client.rest,
    moderatorChannelId: () => {
      const admin = configOf().community.admin_channel;
      return admin.platform === 'discord' ? admin.id : null;
    },
    ...(logger ? { logger } : {}),
    ...(options.effectTimeoutMs ? { effectTimeoutMs: options.effectTimeoutMs } : {}),
  });
  return { delivery, client, stop: () => client.destroy() };
}
