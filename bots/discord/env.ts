import { z } from 'zod';

const zSnowflake = z.string().regex(/^\d{15,22}$/, 'a Discord snowflake id');

/** The environment the Discord adapter reads; parsed once at boot. */
export const zDiscordEnv = z.object({
  DISCORD_TOKEN: z.string().min(1, 'the bot token from the developer portal'),
  DISCORD_APPLICATION_ID: zSnowflake,
  /** Base of the REST API, without version (tests point it at the loopback fake); the gateway URL is discovered from it. */
  DISCORD_API_URL: z.url().optional(),
});

/** Parsed Discord adapter environment. */
export type DiscordEnv = z.output<typeof zDiscordEnv>;

/** Parses the adapter's env, failing fast with the names of missing or malformed variables (never their values). */
export function parseDiscordEnv(env: Record<string, string | undefined>): DiscordEnv {
  const parsed = zDiscordEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`Discord adapter environment is invalid: ${problems}`);
}
