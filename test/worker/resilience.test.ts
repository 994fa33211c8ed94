import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionsFor } from '../../db/repositories/decisions.ts';
import { freshQueuePrefix } from '../support/services.ts';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    p.once('error', reject);
    p.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept') && resolve(p));
  });
}

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe('resilience', () => {
  it('loses nothing when Redis goes away and comes back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const h = await startHarness('postgres', { redisUrl: `redis://127.0.0.1:${port}` });
    redis.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    // With Redis down, ingest stores the message and reports the failure to the adapter (which retries).
    const msg = incoming('while redis is down: call 06 12 34 56 78');
    const err = await h.runtime.ingest.receive(msg).then(
      () => null,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    redis = await startRedis(port);
    try {
      // The adapter's retry is a duplicate of a stored, unevaluated message: it is enqueued again, once.
      const again = await h.runtime.ingest.receive(msg);
      expect(again.status).toBe('duplicate');
      if (again.status === 'ignored') return;
      await h.runtime.waitForDecision(again.messageId, 20_000);
      expect(await decisionsFor(h.runtime.database.db, again.messageId)).toHaveLength(2);
    } finally {
      await h.close();
      redis.kill('SIGKILL');
    }
  });

  it('finishes or keeps every job when shut down mid-burst, and a restart completes the rest once', async () => {
    const h = await startHarness('postgres');
    harnesses.push(h);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await h.runtime.ingest.receive(incoming(`burst message ${i}: mail me at p${i}@example.org`));
      if (r.status === 'accepted') ids.push(r.messageId);
    }
    await h.runtime.close();
    const next = await h.restart();
    await Promise.all(ids.map((id) => next.waitForDecision(id, 30_000)));
    const rows = await next.database.db.execute(
      sql`select message_id, count(*)::int as n from decisions group by message_id`,
    );
    const counts = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[];
    expect(counts).toHaveLength(40);
    expect(counts.every((c) => c.n === 2)).toBe(true);
  });

  it('keeps the last valid config when the file turns invalid, and alerts moderators', async () => {
    const q = await freshQueuePrefix();
    await q.cleanup();
    const file = path.join(
      (await import('node:os')).tmpdir(),
      `ward-config-${process.pid}-${Date.now()}.yaml`,
    );
    const valid = testConfig();
    writeFileSync(file, stringify(valid));
    const h = await startHarness('postgres', { configFile: file });
    harnesses.push(h);
    writeFileSync(
      file,
      stringify({ ...valid, channels: [{ platform: 'sandbox', id: 'peer', space: 'nonsense' }] }),
    );
    await h.delivery.waitUntil((all) => all.some((e) => e.kind === 'alert_moderators'), 15_000);
    expect(h.runtime.community.current.channels).toHaveLength(4);
    const r = await h.runtime.ingest.receive(incoming('still working?'));
    expect(r.status).toBe('accepted');
    expect(h.logs.join('\n')).toContain('config_invalid');
  });
});
