import { OFFERED_PER_S } from '../offered-rate.ts';
import { ordinaryMessages, warmUp, withRuntime } from '../pipeline-run.ts';
import { postgresProblem } from '../services.ts';
import { percentile, roundFigure } from '../stats.ts';
import type { BenchRow } from '../types.ts';

// One crisis message in this many keeps the background ordinary while giving enough crisis samples.
const CRISIS_EVERY = 40;

/** `crisis.to_effects`: ingest of a crisis message → its effects enqueued, under a steady ordinary background. */
export const crisisToEffectsRow: BenchRow = {
  name: 'crisis.to_effects',
  run: async (ctx) => {
    // PostgreSQL when it answers (the production set-up, and far quicker to start than a fresh PGlite).
    const db = ctx.postgresUrl && !(await postgresProblem(ctx.postgresUrl)) ? 'postgres' : 'pglite';
    return withRuntime(ctx, db, 'crisis', async (driver, runtime) => {
      if (typeof runtime.waitForEffects !== 'function')
        return { skipped: 'worker/runtime.ts has no waitForEffects yet' };
      const crisis = ctx.corpus.filter((m) => m.crisis);
      if (!crisis.length) return { skipped: 'no crisis messages in the dev scenarios' };
      const ordinary = ordinaryMessages(ctx);
      await warmUp(driver, ordinary);
      const results = await driver.steady(OFFERED_PER_S, ctx.sizes.crisisMs, (i) =>
        i % CRISIS_EVERY === CRISIS_EVERY - 1
          ? { m: crisis[Math.floor(i / CRISIS_EVERY) % crisis.length]!, until: 'effects' }
          : { m: ordinary[i % ordinary.length]! },
      );
      const crisisResults = results.filter((r) => r.i % CRISIS_EVERY === CRISIS_EVERY - 1);
      const samples = crisisResults.map((r) => r.ms);
      const lost = crisisResults.filter((r) => !r.ok).length;
      return {
        row: {
          p50_ms: roundFigure(percentile(samples, 50)),
          p99_ms: roundFigure(percentile(samples, 99)),
          background_per_s: OFFERED_PER_S,
        },
        note:
          `${samples.length} crisis messages on ${db}` +
          (lost ? `; ${lost} never reached effects (counted at the time given up)` : '') +
          (driver.failures > lost ? `; ${driver.failures - lost} background messages lost` : ''),
      };
    });
  },
};
