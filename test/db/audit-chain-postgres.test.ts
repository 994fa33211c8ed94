import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import {
  type AuditEntry,
  appendAudit,
  chainAllPendingAudit,
  chainPendingAudit,
  verifyAuditChain,
} from '../../db/repositories/audit.ts';
import { type FreshDatabase, freshPostgres } from '../support/services.ts';

const rowsOf = (r: unknown) =>
  (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

const entry = (subjectId: string): AuditEntry => ({
  communityId: 'c1',
  actor: 'ward',
  action: 'decided_main',
  subjectType: 'message',
  subjectId,
});

/** A transaction held open until `release()` is called, after `body` ran in it. */
function holdOpen(
  database: Database,
  body: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<unknown>,
) {
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let entered = () => {};
  const ready = new Promise<void>((r) => {
    entered = r;
  });
  const done = database.db.transaction(async (tx) => {
    await body(tx);
    entered();
    await released;
  });
  return { ready, release, done };
}

describe('asynchronous audit chain with concurrent transactions (PostgreSQL)', () => {
  let fresh: FreshDatabase;
  let database: Database;
  beforeAll(async () => {
    fresh = await freshPostgres();
    database = await openDatabase({ databaseUrl: fresh.url, poolSize: 4 });
  });
  afterAll(async () => {
    await database.close();
    await fresh.drop();
  });

  it('writers take no lock, and a row committing late is chained later, after rows with a higher seq', async () => {
    const late = holdOpen(database, (tx) => appendAudit(tx, [entry('late')]));
    await late.ready;
    // The chain lock is free while the late writer's transaction is open: writers never take it.
    const [lock] = rowsOf(
      await database.db.execute(sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`),
    );
    expect(lock).toEqual({ n: 0 });
    await database.db.transaction((tx) => appendAudit(tx, [entry('early')]));
    expect(await chainAllPendingAudit(database.db)).toBe(1);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 1, pending: 0, brokenAt: null });
    late.release();
    await late.done;
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 1, pending: 1, brokenAt: null });
    expect(await chainAllPendingAudit(database.db)).toBe(1);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 2, pending: 0, brokenAt: null });
    const chain = rowsOf(
      await database.db.execute(sql`select seq, subject_id from audit_log order by chain_pos`),
    );
    expect(chain.map((r) => r.subject_id)).toEqual(['early', 'late']);
    expect(Number(chain[0]!.seq)).toBeGreaterThan(Number(chain[1]!.seq));
  });

  it('a chainer that does not wait leaves the work to the one holding the lock', async () => {
    await database.db.transaction((tx) => appendAudit(tx, [entry('queued')]));
    const other = holdOpen(database, (tx) => tx.execute(sql`select pg_advisory_xact_lock(7374001)`));
    await other.ready;
    expect(await chainPendingAudit(database.db, 500, { wait: false })).toBeNull();
    expect(await chainAllPendingAudit(database.db, { wait: false })).toBe(0);
    expect((await verifyAuditChain(database.db)).pending).toBe(1);
    other.release();
    await other.done;
    expect(await chainPendingAudit(database.db, 500, { wait: false })).toBe(1);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 3, pending: 0, brokenAt: null });
  });
});
