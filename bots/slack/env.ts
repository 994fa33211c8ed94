import { z } from 'zod';

const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

/** The environment variables the Slack adapter reads. */
export const zSlackEnv = z.object({
  SLACK_BOT_TOKEN: z.string().min(1, 'required (xoxb-…)'),
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_ADMIN_USER_TOKEN: optional,
  SLACK_API_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  SLACK_MODE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['socket', 'http']).optional()),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});

/** The Slack adapter's settings, resolved from the environment. */
export interface SlackSettings {
  mode: 'socket' | 'http';
  botToken: string;
  appToken: string | null;
  signingSecret: string | null;
  adminUserToken: string | null;
  /** Web API base URL ending in `/` (`https://slack.com/api/` unless pointed at a fake). */
  apiUrl: string;
  port: number;
}

/**
 * Reads the Slack settings or throws one readable message. Socket Mode is the default; HTTP is chosen by
 * `SLACK_MODE=http`, or when only a signing secret is given.
 */
export function parseSlackEnv(source: Readonly<Record<string, string | undefined>>): SlackSettings {
  const parsed = zSlackEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid Slack environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const mode = env.SLACK_MODE ?? (!env.SLACK_APP_TOKEN && env.SLACK_SIGNING_SECRET ? 'http' : 'socket');
  if (mode === 'socket' && !env.SLACK_APP_TOKEN) {
    throw new Error(
      'Invalid Slack environment:\n  SLACK_APP_TOKEN: required for Socket Mode (xapp-…, connections:write)',
    );
  }
  if (mode === 'http' && !env.SLACK_SIGNING_SECRET) {
    throw new Error('Invalid Slack environment:\n  SLACK_SIGNING_SECRET: required for the HTTP Events API');
  }
  const apiUrl = env.SLACK_API_URL ?? 'https://slack.com/api/';
  return {
    mode,
    botToken: env.SLACK_BOT_TOKEN,
    appToken: env.SLACK_APP_TOKEN ?? null,
    signingSecret: env.SLACK_SIGNING_SECRET ?? null,
    adminUserToken: env.SLACK_ADMIN_USER_TOKEN ?? null,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    port: env.SLACK_PORT,
  };
}
