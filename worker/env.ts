import { z } from 'zod';

const zBool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable Ward reads, parsed once at boot. */
export const zEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  WARD_DATA_DIR: z.string().min(1).default('./data'),
  WARD_DATA_KEY: z.string().min(1).optional(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  WARD_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only (BullMQ uses : as its separator)')
    .default('ward'),
  WARD_CONFIG: z.string().min(1).optional(),
  WARD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WARD_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  WARD_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  WARD_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  WARD_SANDBOX_TTY: zBool,
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_ADMIN_USER_TOKEN: z.string().min(1).optional(),
  SLACK_API_URL: z.string().url().optional(),
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().min(1).optional(),
  DISCORD_API_URL: z.string().url().optional(),
  // Optional language-model review (worker/review): on only when WARD_REVIEW_MODEL is set.
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  WARD_REVIEW_MODEL: z.string().min(1).optional(),
  WARD_REVIEW_MODERATION_MODEL: z.string().min(1).optional(),
  WARD_REVIEW_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WARD_REVIEW_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
});

/** Parsed environment. */
export type Env = z.output<typeof zEnv>;

/** Parses the environment or throws one readable message naming each bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = zEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join('\n')}`);
}
