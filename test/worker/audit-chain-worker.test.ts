import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { appendAudit, verifyAuditChain } from '../../db/repositories/audit.ts';
import { startAuditChainer } from '../../worker/accountability/audit-chainer.ts';
import { createLogger } from '../../worker/logger.ts';
import { type FreshDatabase, freshPostgres } from '../support/services.ts';
import { incoming, startHarness } from '../support/ward-harness.ts';

const rowsOf = (r: unknown) =>
  (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('debug', sink), lines };
}

describe('the audit chainer in worker processes', () => {
  let fresh: FreshDatabase;
  // One database handle per simulated worker process, each with its own connection pool.
  const processes: Database[] = [];
  beforeAll(async () => {
    fresh = await freshPostgres();
    for (let i = 0; i < 3; i++) processes.push(await openDatabase({ databaseUrl: fresh.url, poolSize: 3 }));
  });
  afterAll(async () => {
    for (const p of processes) await p.close();
    await fresh.drop();
  });

  it('three processes chain what concurrent writers append, every row exactly once, logging nothing', async () => {
    const { log, lines } = capturingLogger();
    const workers = processes.map((db) => {
      const events = new EventEmitter();
      return { db, events, stop: startAuditChainer(db.db, events, log, { debounceMs: 5, batch: 7 }) };
    });
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const w = workers[i % workers.length]!;
        await w.db.db.transaction((tx) =>
          appendAudit(tx, [
            {
              communityId: 'c1',
              actor: 'ward',
              action: 'decided_main',
              subjectType: 'message',
              subjectId: `m${i}`,
            },
            {
              communityId: 'c1',
              actor: 'ward',
              action: 'decided_full',
              subjectType: 'message',
              subjectId: `m${i}`,
            },
          ]),
        );
        w.events.emit(i % 2 ? 'decided' : 'effects', `m${i}`);
      }),
    );
    const db = processes[0]!.db;
    await vi.waitFor(async () => expect((await verifyAuditChain(db)).pending).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    for (const w of workers) await w.stop();
    for (const w of workers)
      for (const name of ['decided', 'effects', 'sla', 'reviewed']) {
        expect(w.events.listenerCount(name)).toBe(0);
      }
    expect(await verifyAuditChain(db)).toEqual({ rows: 120, pending: 0, brokenAt: null });
    const [counts] = rowsOf(
      await db.execute(
        sql`select count(distinct chain_pos)::int as positions, max(chain_pos)::int as hi from audit_log`,
      ),
    );
    expect(counts).toEqual({ positions: 120, hi: 120 });
    expect(lines).toEqual([]);
  });

  it('chains on its timer rows written without any event (moderation, bridge commands, other roles)', async () => {
    const { log } = capturingLogger();
    const stop = startAuditChainer(processes[1]!.db, new EventEmitter(), log, { intervalMs: 50 });
    const db = processes[2]!.db;
    await db.transaction((tx) =>
      appendAudit(tx, [
        { communityId: 'c1', actor: 'mod:1', action: 'claimed', subjectType: 'escalation', subjectId: 'e1' },
      ]),
    );
    await vi.waitFor(async () => expect((await verifyAuditChain(db)).pending).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    await stop();
    expect(await verifyAuditChain(db)).toEqual({ rows: 121, pending: 0, brokenAt: null });
  });
});

describe('the audit chainer in the runtime on PGlite', () => {
  it('chains the audit row of a decision without being asked, and stops with the runtime', async () => {
    const h = await startHarness('pglite');
    try {
      const r = await h.runtime.ingest.receive(incoming('bel me op 06 12 34 56 78'));
      if (r.status !== 'accepted') throw new Error('not accepted');
      await h.runtime.waitForDecision(r.messageId, 10_000);
      const db = h.runtime.database.db;
      const rows = rowsOf(await db.execute(sql`select 1 from audit_log where subject_id = ${r.messageId}`));
      expect(rows.length).toBeGreaterThan(0);
      await vi.waitFor(async () => expect((await verifyAuditChain(db)).pending).toBe(0), {
        timeout: 20_000,
        interval: 100,
      });
      const report = await verifyAuditChain(db);
      expect(report.brokenAt).toBeNull();
      expect(report.rows).toBeGreaterThanOrEqual(rows.length);
    } finally {
      await h.close();
    }
    expect(h.logs.join('\n')).not.toContain('audit chaining round failed');
  });
});
