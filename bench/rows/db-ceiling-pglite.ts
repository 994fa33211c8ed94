import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BENCH_INSERT, BENCH_TABLE_DDL, insertLoop } from '../insert-loop.ts';
import type { BenchRow } from '../types.ts';

/** `db_ceiling.pglite`: single-row inserts of a message-sized row into embedded PGlite in a temp directory. */
export const dbCeilingPgliteRow: BenchRow = {
  name: 'db_ceiling.pglite',
  async run(ctx) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ward-bench-pglite-'));
    const db = await PGlite.create(path.join(dir, 'pglite'));
    try {
      for (const ddl of BENCH_TABLE_DDL) await db.exec(ddl);
      const r = await insertLoop((params) => db.query(BENCH_INSERT, params), ctx.sizes.dbInsertMs);
      return { row: { msgs_per_s: r.perSecond }, note: `${r.rows} rows, one connection` };
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
