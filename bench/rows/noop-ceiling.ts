import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { deletePrefix, redisProblem } from '../services.ts';
import { roundFigure } from '../stats.ts';
import type { BenchRow } from '../types.ts';

/** Concurrency of the no-op worker (issue 2's reference figure is at 10). */
export const NOOP_CONCURRENCY = 10;

/** `noop_ceiling`: a pre-filled queue drained by a no-op BullMQ worker; the queue's own cost per job. */
export const noopCeilingRow: BenchRow = {
  name: 'noop_ceiling',
  async run(ctx) {
    const problem = await redisProblem(ctx.redisUrl);
    if (problem) return { skipped: problem };
    const prefix = `ward-bench-${ctx.runTag}-noop`;
    const connection = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
    const workerConnection = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('noop', { connection, prefix });
    let worker: Worker | undefined;
    try {
      const total = ctx.sizes.noopJobs;
      for (let i = 0; i < total; i += 1000) {
        const n = Math.min(1000, total - i);
        await queue.addBulk(
          Array.from({ length: n }, (_, k) => ({
            name: 'noop',
            data: { messageId: `m-${i + k}` },
            opts: { removeOnComplete: { count: 10_000 }, removeOnFail: { count: 1000 } },
          })),
        );
      }
      let done = 0;
      let finish: () => void = () => {};
      const finished = new Promise<void>((r) => {
        finish = r;
      });
      worker = new Worker('noop', async () => {}, {
        connection: workerConnection,
        prefix,
        concurrency: NOOP_CONCURRENCY,
        autorun: false,
      });
      worker.on('completed', () => {
        if (++done === total) finish();
      });
      await worker.waitUntilReady();
      const started = performance.now();
      void worker.run();
      await finished;
      const seconds = (performance.now() - started) / 1000;
      return {
        row: { msgs_per_s: roundFigure(total / seconds) },
        note: `${total} jobs, concurrency ${NOOP_CONCURRENCY}`,
      };
    } finally {
      await worker?.close();
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      connection.disconnect();
      workerConnection.disconnect();
      await deletePrefix(ctx.redisUrl, prefix);
    }
  },
};
