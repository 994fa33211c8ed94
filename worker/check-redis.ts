import { Redis } from 'ioredis';

/** How to get a Redis running, printed when none answers. */
export const REDIS_HELP = [
  'Ward needs Redis (for its BullMQ queues) and none answered at REDIS_URL.',
  'Start one:   redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
  'Install it:  apt-get update && apt-get install -y redis-server   (Debian/Ubuntu)  ·  brew install redis  (macOS)',
  'Or point REDIS_URL at an existing server, e.g. REDIS_URL=redis://127.0.0.1:6379',
].join('\n');

/** True when a Redis answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
