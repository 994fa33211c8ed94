import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { LoadDriver } from './offered-load.ts';
import { type BenchRuntime, benchCommunityConfig, loadStartWard } from './runtime.ts';
import { deletePrefix, redisProblem, throwawayDatabase } from './services.ts';
import type { BenchContext, BenchMessage, RowOutcome } from './types.ts';

/** Where a pipeline row keeps its data. */
export type PipelineDb = 'pglite' | 'postgres';

/** Starts the real runtime (worker + bots roles) on a fresh database and queue prefix, runs `body`, cleans up. */
export async function withRuntime(
  ctx: BenchContext,
  db: PipelineDb,
  label: string,
  body: (driver: LoadDriver, runtime: BenchRuntime) => Promise<RowOutcome>,
): Promise<RowOutcome> {
  const problem = await redisProblem(ctx.redisUrl);
  if (problem) return { skipped: problem };
  const startWard = await loadStartWard();
  if (!startWard.ok) return { skipped: startWard.reason };
  const config = await benchCommunityConfig();
  if (!config.ok) return { skipped: config.reason };
  if (db === 'postgres' && !ctx.postgresUrl) return { skipped: 'no PostgreSQL configured' };

  const prefix = `ward-bench-${ctx.runTag}-${label}`;
  let dir: string | null = null;
  let tmp: Awaited<ReturnType<typeof throwawayDatabase>> | null = null;
  let runtime: BenchRuntime | null = null;
  try {
    if (db === 'postgres') tmp = await throwawayDatabase(ctx.postgresUrl!, `${ctx.runTag}_${label}`);
    dir = mkdtempSync(path.join(tmpdir(), 'ward-bench-pipeline-'));
    runtime = await startWard.value({
      ...(tmp ? { databaseUrl: tmp.url } : {}),
      dataDir: dir,
      dataKey: randomBytes(32),
      // Errors only, on stderr: the runtime's info logs would bury the tables.
      logger: pino({ level: 'error' }, pino.destination(2)),
      redisUrl: ctx.redisUrl,
      queuePrefix: prefix,
      config: config.value,
      roles: ['worker', 'bots'],
    });
    return await body(new LoadDriver(runtime, `${ctx.runTag}-${label}`), runtime);
  } catch (err) {
    return {
      skipped: `${label} failed: ${(err as Error).name}: ${(err as Error).message.split('\n', 1)[0]}`,
    };
  } finally {
    await runtime?.close().catch(() => {});
    await tmp?.drop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
    await deletePrefix(ctx.redisUrl, prefix).catch(() => {});
  }
}

/** Ordinary (non-crisis) scenario messages, the background of every pipeline row. */
export function ordinaryMessages(ctx: BenchContext): BenchMessage[] {
  const scenarios = ctx.corpus.filter((m) => m.source === 'scenarios' && !m.crisis);
  return scenarios.length ? scenarios : ctx.corpus.filter((m) => !m.crisis);
}

/** Twenty messages at once before measuring: JIT, connections, prepared statements, lexicons. */
export async function warmUp(driver: LoadDriver, msgs: readonly BenchMessage[]): Promise<void> {
  await Promise.all(Array.from({ length: 20 }, (_, i) => driver.one(msgs[i % msgs.length]!)));
  driver.failures = 0;
}
