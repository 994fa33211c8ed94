import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { appendAudit, chainAllPendingAudit, verifyAuditChain } from '../../db/repositories/audit.ts';
import { insertMessage } from '../../db/repositories/messages.ts';
import { upsertCommunity } from '../../db/repositories/communities.ts';
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
      const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 2 });
      return { database, cleanup: () => fresh.drop() };
    },
  },
];

describe.each(drivers)('migrations on $name', (driver) => {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ database, cleanup } = await driver.open());
  });
  afterAll(async () => {
    await database.close();
    await cleanup();
  });

  it('creates every table', async () => {
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      table_name: string;
    }[];
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'channels',
        'communities',
        'decisions',
        'effects',
        'escalations',
        'findings',
        'members',
        'messages',
      ]),
    );
  });

  it('stores a message version once and reports the duplicate', async () => {
    await upsertCommunity(database.db, { id: 'c1', name: 'C1', config: {}, channels: [] });
    const row = {
      id: '00000000-0000-4000-8000-000000000001',
      communityId: 'c1',
      platform: 'sandbox',
      workspaceId: 'w',
      platformChannelId: 'ch',
      platformMessageId: 'm1',
      authorId: 'u1',
      space: 'general',
      contentMac: 'mac',
      textLength: 3,
      textCipher: Buffer.from([1, 2, 3]),
      sentAt: new Date(),
    };
    expect((await insertMessage(database.db, row)).inserted).toBe(true);
    expect((await insertMessage(database.db, row)).inserted).toBe(false);
  });

  it('keeps the audit log append-only and its chain verifiable', async () => {
    await database.db.transaction((tx) =>
      appendAudit(tx, [
        {
          communityId: 'c1',
          actor: 'ward',
          action: 'decided',
          subjectType: 'message',
          subjectId: 'm1',
          detail: { z: 1, a: [2] },
        },
        { communityId: 'c1', actor: 'mod:1', action: 'claimed', subjectType: 'escalation', subjectId: 'e1' },
      ]),
    );
    await chainAllPendingAudit(database.db);
    expect(await verifyAuditChain(database.db)).toEqual({ rows: 2, pending: 0, brokenAt: null });
    await expect(database.db.execute(sql`update audit_log set actor = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
