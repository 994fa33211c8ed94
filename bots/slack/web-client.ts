import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { boltLogger } from './bolt-logger.ts';

/**
 * A Web API client for Ward's own calls. Rate-limited calls are rejected (not waited out inside the SDK) and
 * nothing is retried here: the deliver queue owns retries, so a burst delays effects without blocking a worker.
 */
export function createSlackWebClient(token: string, apiUrl: string, log: Logger): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: apiUrl,
    logger: boltLogger(log),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}
