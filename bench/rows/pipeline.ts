import { OFFERED_PER_S } from '../offered-rate.ts';
import { ordinaryMessages, warmUp, type PipelineDb, withRuntime } from '../pipeline-run.ts';
import { percentile, roundFigure } from '../stats.ts';
import type { BenchContext, BenchRow, RowOutcome } from '../types.ts';

// Enough outstanding messages to keep every worker slot busy, few enough to finish within the timeout.
const SATURATION_IN_FLIGHT = 32;

/**
 * Ingest → decision persisted: throughput when saturated (first, on an empty queue), then latency at a
 * steady offered rate (a backlog it leaves behind cannot distort the throughput phase).
 */
export function pipelineRow(db: PipelineDb): BenchRow {
  return { name: `pipeline.${db}`, run: (ctx) => measurePipeline(ctx, db) };
}

async function measurePipeline(ctx: BenchContext, db: PipelineDb): Promise<RowOutcome> {
  return withRuntime(ctx, db, `pipe-${db}`, async (driver) => {
    const msgs = ordinaryMessages(ctx);
    const pick = (i: number) => msgs[i % msgs.length]!;
    await warmUp(driver, msgs);
    const throughput = await driver.saturate(ctx.sizes.pipelineSaturationMs, SATURATION_IN_FLIGHT, pick);
    const saturationLost = driver.failures;
    driver.failures = 0;
    const steady = await driver.steady(OFFERED_PER_S, ctx.sizes.pipelineSteadyMs, (i) => ({ m: pick(i) }));
    const latencies = steady.map((s) => s.ms);
    return {
      row: {
        msgs_per_s: roundFigure(throughput),
        p50_ms: roundFigure(percentile(latencies, 50)),
        p95_ms: roundFigure(percentile(latencies, 95)),
        p99_ms: roundFigure(percentile(latencies, 99)),
        offered_per_s: OFFERED_PER_S,
      },
      note:
        `throughput with ${SATURATION_IN_FLIGHT} in flight` +
        (saturationLost ? ` (${saturationLost} not decided within the timeout)` : '') +
        `; latency over ${latencies.length} messages offered at ${OFFERED_PER_S}/s` +
        (driver.failures
          ? ` (${driver.failures} not decided within the timeout, counted at the time given up)`
          : ''),
    };
  });
}
