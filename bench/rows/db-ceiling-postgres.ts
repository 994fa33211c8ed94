import postgres from 'postgres';
import { BENCH_INSERT, BENCH_TABLE_DDL, insertLoop } from '../insert-loop.ts';
import { throwawayDatabase } from '../services.ts';
import type { BenchRow } from '../types.ts';

/** `db_ceiling.postgres`: single-row inserts of a message-sized row over one postgres.js connection. */
export const dbCeilingPostgresRow: BenchRow = {
  name: 'db_ceiling.postgres',
  async run(ctx) {
    if (!ctx.postgresUrl) return { skipped: 'no PostgreSQL configured' };
    let tmp: Awaited<ReturnType<typeof throwawayDatabase>>;
    try {
      tmp = await throwawayDatabase(ctx.postgresUrl, ctx.runTag);
    } catch (err) {
      return { skipped: (err as Error).message };
    }
    const sql = postgres(tmp.url, { max: 1, onnotice: () => {} });
    try {
      for (const ddl of BENCH_TABLE_DDL) await sql.unsafe(ddl);
      const r = await insertLoop(
        (params) => sql.unsafe(BENCH_INSERT, params as never[], { prepare: true }),
        ctx.sizes.dbInsertMs,
      );
      return { row: { msgs_per_s: r.perSecond }, note: `${r.rows} rows, one connection` };
    } finally {
      await sql.end({ timeout: 5 });
      await tmp.drop();
    }
  },
};
