import { Client, GatewayIntentBits, Partials, type RateLimitData } from 'discord.js';
import type { DiscordEnv } from './env.ts';

/** Gateway intents Ward needs; MessageContent and GuildMembers are privileged (enable them in the developer portal). */
export const WARD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.DirectMessages,
] as const;

/** Options for the discord.js client. */
export interface DiscordClientOptions {
  /** Rate-limit waits longer than this are handed back to the worker as a delayed retry instead. Default 10 s. */
  maxRateLimitWaitMs?: number;
}

/** Creates the discord.js client: Ward's intents, partial messages for edits/deletes of uncached ones, no pings by default. */
export function createDiscordClient(env: DiscordEnv, options: DiscordClientOptions = {}): Client {
  const maxWait = options.maxRateLimitWaitMs ?? 10_000;
  return new Client({
    intents: [...WARD_INTENTS],
    partials: [Partials.Message],
    allowedMentions: { parse: [] },
    rest: {
      ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}),
      // Short waits stay in discord.js's queue; long ones become PlatformRateLimitedError for the worker.
      rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > maxWait,
    },
  });
}
