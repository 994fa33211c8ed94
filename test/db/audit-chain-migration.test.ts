import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import {
  AUDIT_GENESIS,
  appendAudit,
  auditHash,
  chainAllPendingAudit,
  verifyAuditChain,
} from '../../db/repositories/audit.ts';
import { freshDataDir, freshPostgres } from '../support/services.ts';

const MIGRATIONS = path.join(import.meta.dirname, '../../db/migrations');
// The last migration before asynchronous chaining.
const BEFORE = '0006_message_roots_backfill';

/** A copy of the migrations folder that ends at `BEFORE`. */
function migrationsUpTo(dir: string): string {
  const out = path.join(dir, 'migrations');
  cpSync(MIGRATIONS, out, { recursive: true });
  const journalFile = path.join(out, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const last = journal.entries.findIndex((e) => e.tag === BEFORE);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return out;
}

const rowsOf = (r: unknown) =>
  (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

type Exec = (query: ReturnType<typeof sql>) => Promise<unknown>;

/** Rows written the way Ward wrote them before: hashed and chained synchronously, in seq order. */
async function writeOldStyleRows(exec: Exec): Promise<string[]> {
  let prev = AUDIT_GENESIS;
  const hashes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const row = {
      communityId: 'c1',
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actor: 'ward',
      action: 'decided_main',
      subjectType: 'message',
      subjectId: `m${i}`,
      detail: { verdict: 'hold', codes: ['pii.PHONE'], n: i },
    };
    const hash = auditHash(prev, row);
    await exec(sql`insert into audit_log (community_id, at, actor, action, subject_type, subject_id, detail, prev_hash, hash)
      values (${row.communityId}, ${row.at.toISOString()}::timestamptz, ${row.actor}, ${row.action}, ${row.subjectType},
              ${row.subjectId}, ${JSON.stringify(row.detail)}::jsonb, ${prev}, ${hash})`);
    hashes.push(hash);
    prev = hash;
  }
  return hashes;
}

const drivers = [
  {
    name: 'pglite',
    async prepare(migrationsFolder: string) {
      const dir = freshDataDir();
      const client = await PGlite.create(path.join(dir.dir, 'pglite'));
      const db = drizzlePglite(client);
      await migratePglite(db, { migrationsFolder });
      const hashes = await writeOldStyleRows((q) => db.execute(q));
      await client.close();
      return { hashes, options: { dataDir: dir.dir }, cleanup: async () => dir.remove() };
    },
  },
  {
    name: 'postgres',
    async prepare(migrationsFolder: string) {
      const fresh = await freshPostgres();
      const client = postgres(fresh.url, { max: 1, onnotice: () => {} });
      const db = drizzlePostgres(client);
      await migratePostgres(db, { migrationsFolder });
      const hashes = await writeOldStyleRows((q) => db.execute(q));
      await client.end({ timeout: 5 });
      return { hashes, options: { databaseUrl: fresh.url, poolSize: 2 }, cleanup: () => fresh.drop() };
    },
  },
];

describe.each(drivers)('migrating to asynchronous chaining on $name', (driver) => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'ward-audit-migrations-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps the hashes of rows chained before, gives them their order as chain_pos, and chains on after them', async () => {
    const { hashes, options, cleanup } = await driver.prepare(migrationsUpTo(tmp));
    const database = await openDatabase(options);
    try {
      const rows = rowsOf(await database.db.execute(sql`select chain_pos, hash from audit_log order by seq`));
      expect(rows.map((r) => [Number(r.chain_pos), r.hash])).toEqual(hashes.map((h, i) => [i + 1, h]));
      expect(await verifyAuditChain(database.db)).toEqual({ rows: 3, pending: 0, brokenAt: null });
      await database.db.transaction((tx) =>
        appendAudit(tx, [
          {
            communityId: 'c1',
            actor: 'mod:1',
            action: 'claimed',
            subjectType: 'escalation',
            subjectId: 'e1',
          },
        ]),
      );
      expect(await verifyAuditChain(database.db)).toEqual({ rows: 3, pending: 1, brokenAt: null });
      expect(await chainAllPendingAudit(database.db)).toBe(1);
      expect(await verifyAuditChain(database.db)).toEqual({ rows: 4, pending: 0, brokenAt: null });
      const [fourth] = rowsOf(
        await database.db.execute(sql`select prev_hash from audit_log where chain_pos = 4`),
      );
      expect(fourth?.prev_hash).toBe(hashes[2]);
    } finally {
      await database.close();
      await cleanup();
    }
  });
});
