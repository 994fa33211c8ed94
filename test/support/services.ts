import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import postgres from 'postgres';

/** Where the test PostgreSQL server is; a fresh database is created on it per suite. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Where the test Redis is. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const START_POSTGRES = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
const START_REDIS =
  'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no';

/** A database that exists for one suite and is dropped afterwards. */
export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named database on the test server; fails loudly, naming the service, when it is down. */
export async function freshPostgres(): Promise<FreshDatabase> {
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const name = `ward_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end({ timeout: 1 });
    throw new Error(
      `PostgreSQL is not answering at TEST_DATABASE_URL (${redactUrl(TEST_DATABASE_URL)}): ${(err as Error).message}. ` +
        `Start it with: ${START_POSTGRES}`,
    );
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 1 });
    },
  };
}

/** A temporary data directory for an embedded PGlite database. */
export function freshDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ward-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A queue prefix no other run uses; `cleanup` deletes every Redis key under it. */
export async function freshQueuePrefix(): Promise<{
  prefix: string;
  redis: Redis;
  cleanup(): Promise<void>;
}> {
  const prefix = `ward-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(
      `Redis is not answering at REDIS_URL (${REDIS_URL}): ${(err as Error).message}. Start it with: ${START_REDIS}`,
    );
  }
  return {
    prefix,
    redis,
    async cleanup() {
      const keys = await scanKeys(redis, `${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/** Every key matching `pattern`. */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
