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
import { type FreshDatabase, freshDataDir, freshPostgres } from '../support/services.ts';

const drivers = [
  {
    name: 'pglite',
    async open() {
      const dir = freshDataDir();
      const database = await openDatabase({ dataDir: dir.dir });
      return { database, cleanup: async () => dir.remove() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const fresh: FreshDatabase = await freshPostgres();
      const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 10 });
      return { database, cleanup: () => fresh.drop() };
    },
  },
];

const rowsOf = (r: unknown) =>
  (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

const entry = (i: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  communityId: 'c1',
  actor: `mod:${i}`,
  action: 'claimed',
  subjectType: 'escalation',
  subjectId: `e${i}`,
  detail: { z: i, a: [i, { y: 1, b: 2 }] },
  ...extra,
});

/** Expects the statement to be refused by the append-only trigger (not by some other error). */
async function expectRefused(run: () => Promise<unknown>) {
  const err = await run().then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(err, 'statement was not refused').not.toBeNull();
  expect(`${err?.message} ${err?.cause?.message ?? ''}`).toContain('audit_log is append-only');
}

describe.each(drivers)('asynchronous audit chain on $name', (driver) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  const rows = async (query: ReturnType<typeof sql>) => rowsOf(await database.db.execute(query));
  beforeAll(async () => {
    ({ database, cleanup } = await driver.open());
  });
  afterAll(async () => {
    await database.close();
    await cleanup();
  });

  it('inserts rows unchained and reports them as pending, never as broken', async () => {
    await database.db.transaction((tx) => appendAudit(tx, [entry(1), entry(2)]));
    const stored = await rows(sql`select chain_pos, prev_hash, hash from audit_log order by seq`);
    expect(stored).toEqual([
      { chain_pos: null, prev_hash: null, hash: null },
      { chain_pos: null, prev_hash: null, hash: null },
    ]);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 0, pending: 2, brokenAt: null });
  });

  it('chains pending rows in seq order after the head, in batches', async () => {
    await database.db.transaction((tx) => appendAudit(tx, [entry(3), entry(4), entry(5)]));
    expect(await chainPendingAudit(database.db, 2, { wait: false })).toBe(2);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 2, pending: 3, brokenAt: null });
    expect(await chainAllPendingAudit(database.db, { batch: 2 })).toBe(3);
    expect(await chainPendingAudit(database.db)).toBe(0);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 5, pending: 0, brokenAt: null });
    const chain = await rows(sql`select seq, chain_pos, prev_hash, hash from audit_log order by chain_pos`);
    expect(chain.map((r) => Number(r.chain_pos))).toEqual([1, 2, 3, 4, 5]);
    expect(chain.map((r) => Number(r.seq))).toEqual(
      [...chain.map((r) => Number(r.seq))].sort((a, b) => a - b),
    );
    expect(chain[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prev_hash).toBe(chain[i - 1]!.hash);
  });

  it('refuses content updates, deletes and re-chaining; allows only the chainer’s update', async () => {
    await database.db.transaction((tx) => appendAudit(tx, [entry(6)]));
    const [chained] = await rows(sql`select seq, chain_pos from audit_log where hash is not null limit 1`);
    const [pending] = await rows(sql`select seq from audit_log where hash is null`);
    const c = Number(chained!.seq);
    const p = Number(pending!.seq);
    const h = 'f'.repeat(64);
    await expectRefused(() => database.db.execute(sql`update audit_log set actor = 'x' where seq = ${c}`));
    await expectRefused(() => database.db.execute(sql`update audit_log set actor = 'x' where seq = ${p}`));
    await expectRefused(() => database.db.execute(sql`delete from audit_log where seq = ${c}`));
    await expectRefused(() => database.db.execute(sql`delete from audit_log where seq = ${p}`));
    // Re-chaining a chained row, even to the same position.
    await expectRefused(() =>
      database.db.execute(
        sql`update audit_log set chain_pos = 999, prev_hash = ${h}, hash = ${h} where seq = ${c}`,
      ),
    );
    await expectRefused(() =>
      database.db.execute(
        sql`update audit_log set chain_pos = ${Number(chained!.chain_pos)}, prev_hash = ${h}, hash = ${h} where seq = ${c}`,
      ),
    );
    // Chaining a pending row while changing its content, or with only some chain fields.
    await expectRefused(() =>
      database.db.execute(
        sql`update audit_log set chain_pos = 999, prev_hash = ${h}, hash = ${h}, detail = '{}'::jsonb where seq = ${p}`,
      ),
    );
    await expectRefused(() => database.db.execute(sql`update audit_log set hash = ${h} where seq = ${p}`));
    await expectRefused(() => database.db.execute(sql`update audit_log set seq = 99999 where seq = ${p}`));
    expect(await chainAllPendingAudit(database.db)).toBe(1);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 6, pending: 0, brokenAt: null });
  });

  it('detects a tampered chained row and a row with chain fields but no position', async () => {
    const [target] = await rows(sql`select seq from audit_log where chain_pos = 3`);
    const seq = Number(target!.seq);
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    try {
      await database.db.execute(sql`update audit_log set detail = '{"z": 0}'::jsonb where seq = ${seq}`);
      expect((await verifyAuditChain(database.db)).brokenAt).toBe(seq);
      await database.db.execute(
        sql`update audit_log set detail = '{"a": [3, {"b": 2, "y": 1}], "z": 3}'::jsonb where seq = ${seq}`,
      );
      expect(await verifyAuditChain(database.db)).toEqual({ rows: 6, pending: 0, brokenAt: null });
      // Unlinking the last row from the chain (position removed, hash kept) is reported, not counted as pending.
      const [last] = await rows(sql`select seq from audit_log where chain_pos = 6`);
      await database.db.execute(sql`update audit_log set chain_pos = null where seq = ${Number(last!.seq)}`);
      expect(await verifyAuditChain(database.db)).toEqual({
        rows: 5,
        pending: 0,
        brokenAt: Number(last!.seq),
      });
      await database.db.execute(sql`update audit_log set chain_pos = 6 where seq = ${Number(last!.seq)}`);
      // A gap in positions is a break too.
      await database.db.execute(sql`update audit_log set chain_pos = 7 where seq = ${Number(last!.seq)}`);
      expect((await verifyAuditChain(database.db)).brokenAt).toBe(Number(last!.seq));
      await database.db.execute(sql`update audit_log set chain_pos = 6 where seq = ${Number(last!.seq)}`);
    } finally {
      await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 6, pending: 0, brokenAt: null });
  });

  it('chains every row of 50 concurrent writers exactly once, with chainers running alongside', async () => {
    const before = (await verifyAuditChain(database.db)).rows;
    let writing = true;
    let chainedAlongside = 0;
    const chainers = [0, 1].map(async () => {
      while (writing) {
        const n = await chainPendingAudit(database.db, 7);
        chainedAlongside += n ?? 0;
      }
    });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        database.db.transaction((tx) => appendAudit(tx, [entry(100 + i), entry(200 + i)])),
      ),
    );
    writing = false;
    await Promise.all(chainers);
    const rest = await chainAllPendingAudit(database.db);
    expect(chainedAlongside + rest).toBe(100);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: before + 100, pending: 0, brokenAt: null });
    const [counts] = await rows(
      sql`select count(*)::int as n, count(distinct chain_pos)::int as positions, min(chain_pos)::int as lo,
                 max(chain_pos)::int as hi, count(*) filter (where hash is null)::int as unchained from audit_log`,
    );
    expect(counts).toEqual({
      n: before + 100,
      positions: before + 100,
      lo: 1,
      hi: before + 100,
      unchained: 0,
    });
  });
});
