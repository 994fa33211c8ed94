import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { parseDataKey } from '../db/crypto.ts';
import type { CommunityConfig } from '../policies/core/community-config.ts';
import { REDIS_HELP, redisAnswers } from './check-redis.ts';
import { type Env, parseEnv } from './env.ts';
import { loadConfigFile } from './load-config.ts';
import { createLogger } from './logger.ts';
import { reviewerFromEnv } from './review/reviewer-options.ts';
import type { StartOptions } from './runtime.ts';

/** Everything parsed at boot, before anything starts. */
export interface Boot {
  env: Env;
  log: Logger;
  config: CommunityConfig;
  configFile: string;
  options: Omit<StartOptions, 'roles' | 'deliveries'>;
}

/** Parses env and config once, checks Redis, and exits with a readable message on any problem. */
export async function boot(defaultConfigFile: string): Promise<Boot> {
  try {
    const env = parseEnv();
    const log = createLogger(env.WARD_LOG_LEVEL);
    const configFile =
      env.WARD_CONFIG ?? (existsSync('ward.config.yaml') ? 'ward.config.yaml' : defaultConfigFile);
    const config = loadConfigFile(configFile);
    if (!(await redisAnswers(env.REDIS_URL))) {
      process.stderr.write(`${REDIS_HELP}\n(REDIS_URL is ${env.REDIS_URL})\n`);
      process.exit(2);
    }
    return {
      env,
      log,
      config,
      configFile,
      options: {
        databaseUrl: env.DATABASE_URL,
        dataDir: env.WARD_DATA_DIR,
        ...(env.WARD_DATA_KEY ? { dataKey: parseDataKey(env.WARD_DATA_KEY) } : {}),
        redisUrl: env.REDIS_URL,
        queuePrefix: env.WARD_QUEUE_PREFIX,
        config,
        configFile,
        concurrency: env.WARD_CONCURRENCY,
        metricsPort: env.WARD_METRICS_PORT,
        review: reviewerFromEnv(env),
        logger: log,
      },
    };
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}

/** Closes `close` once on SIGINT/SIGTERM: in-flight jobs finish, unfinished ones stay queued for the next start. */
export function onShutdown(log: Logger, close: () => Promise<void>): void {
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight jobs');
    try {
      await close();
      process.exit(0);
    } catch (err) {
      log.error({ code: (err as Error).name }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
