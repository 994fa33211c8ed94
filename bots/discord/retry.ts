import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries an idempotent call a few times with backoff: the gateway never redelivers an event,
 * so a brief ingest outage must not lose a message. Ingest dedupes, so a retry never doubles one.
 */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 4, firstDelayMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await sleep(firstDelayMs * 4 ** (attempt - 1));
    }
  }
}
