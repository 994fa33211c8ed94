import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { BENCH_INSERT, BENCH_TABLE_DDL, insertLoop } from '../../bench/insert-loop.ts';
import { noopCeilingRow } from '../../bench/rows/noop-ceiling.ts';
import { benchRedisUrl } from '../../bench/services.ts';
import type { BenchContext } from '../../bench/types.ts';

const tiny: BenchContext = {
  quick: true,
  sizes: {
    stageMs: 1,
    syntheticMessages: 10,
    noopJobs: 50,
    dbInsertMs: 50,
    pipelineSteadyMs: 1,
    pipelineSaturationMs: 1,
    crisisMs: 1,
  },
  corpus: [],
  redisUrl: benchRedisUrl(),
  postgresUrl: null,
  runTag: `test-${process.pid}`,
};

describe('bench rows in a tiny configuration', () => {
  // In-memory PGlite: the row itself uses a temp directory, whose initdb costs tens of seconds on a busy machine.
  it('the db ceiling table and insert loop work on PGlite', { timeout: 120_000 }, async () => {
    const db = await PGlite.create();
    try {
      for (const ddl of BENCH_TABLE_DDL) await db.exec(ddl);
      const r = await insertLoop((params) => db.query(BENCH_INSERT, params), 20);
      expect(r.perSecond).toBeGreaterThan(0);
      const count = await db.query<{ n: number }>('select count(*)::int as n from bench_messages');
      expect(count.rows[0]?.n).toBe(r.rows + 20);
    } finally {
      await db.close();
    }
  });

  it('noop_ceiling drains a queue on real Redis and cleans up its prefix', async () => {
    const out = await noopCeilingRow.run(tiny);
    // Without Redis the row must say how to start it, never pretend.
    if ('skipped' in out) expect(out.skipped).toContain('redis-server');
    else expect(out.row.msgs_per_s).toBeGreaterThan(0);
  });

  it('skips postgres rows when no server is configured', async () => {
    const { dbCeilingPostgresRow } = await import('../../bench/rows/db-ceiling-postgres.ts');
    expect(await dbCeilingPostgresRow.run(tiny)).toEqual({ skipped: 'no PostgreSQL configured' });
  });
});
