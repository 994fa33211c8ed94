import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, incoming, startHarness } from '../support/ward-harness.ts';
import { scanKeys } from '../support/services.ts';

const MARKER = 'Quokkazebra';

/** Every value stored under the prefix, whatever its Redis type. */
async function dumpRedis(redis: Redis, prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const key of await scanKeys(redis, `${prefix}:*`)) {
    parts.push(key);
    const type = await redis.type(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
    else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
    else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  return parts.join('\n');
}

describe('message text never leaves the encrypted store', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres');
  });
  afterAll(() => h.close());

  it('keeps a marker out of logs, Redis, the audit log and every plain column', async () => {
    const texts = [
      `${MARKER} here, ring me on 06 12 34 56 78`,
      `hello ${MARKER}, nothing to see`,
      `${MARKER}@example.com is my mail`,
      `I feel like ending it all ${MARKER}`,
    ];
    for (const [i, text] of texts.entries()) {
      const res = await h.runtime.ingest.receive(incoming(text, { channelId: i % 2 ? 'gen' : 'peer' }));
      if (res.status !== 'accepted') throw new Error('not accepted');
      await h.runtime.waitForDecision(res.messageId, 10_000);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(h.logs.length).toBeGreaterThan(0);
    expect(h.logs.join('\n')).not.toContain(MARKER);
    const redisDump = await dumpRedis(h.redis, h.prefix);
    expect(redisDump.length).toBeGreaterThan(0);
    expect(redisDump).not.toContain(MARKER);
    expect(redisDump.toLowerCase()).not.toContain(MARKER.toLowerCase());
    const db = h.runtime.database.db;
    for (const table of [
      'audit_log',
      'decisions',
      'findings',
      'effects',
      'escalations',
      'communities',
      'channels',
    ]) {
      const rows = await db.execute(sql.raw(`select * from ${table}`));
      const flat = JSON.stringify(Array.isArray(rows) ? rows : (rows as { rows: unknown }).rows);
      expect(flat, table).not.toContain(MARKER);
    }
    const msgs = await db.execute(
      sql`select platform_message_id, author_id, content_mac, locale, space, status from messages`,
    );
    expect(JSON.stringify(msgs)).not.toContain(MARKER);
  });
});
