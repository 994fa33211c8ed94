import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import postgres from 'postgres';

/** How to start the services when they are not answering (as in the test support). */
export const START_REDIS =
  'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no';
/** How to start PostgreSQL on this machine. */
export const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/** The Redis the bench uses. */
export const benchRedisUrl = (): string => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The PostgreSQL server the bench creates throwaway databases on. */
export const benchPostgresUrl = (): string =>
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Null when Redis answers PING, else a note saying how to start it. */
export async function redisProblem(url: string): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch {
    return `Redis is not answering at REDIS_URL; start it with: ${START_REDIS}`;
  } finally {
    redis.disconnect();
  }
}

/** Null when PostgreSQL answers at `url`, else a note saying how to start it. */
export async function postgresProblem(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await sql`select 1`;
    return null;
  } catch {
    return `PostgreSQL is not answering; start it with: ${START_POSTGRES}`;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A database created for one bench run and dropped afterwards. */
export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named database on the server at `adminUrl`. */
export async function throwawayDatabase(adminUrl: string, tag: string): Promise<ThrowawayDatabase> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const name = `ward_bench_${tag.replace(/[^a-z0-9]/g, '_')}_${randomBytes(3).toString('hex')}`;
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end({ timeout: 1 });
    throw new Error(
      `PostgreSQL did not create a bench database (${(err as Error).name}); start it with: ${START_POSTGRES}`,
    );
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 1 });
    },
  };
}

/** Deletes every Redis key under a queue prefix (BullMQ keys are `<prefix>:<queue>:…`). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
