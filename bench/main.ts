import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { benchCorpus } from './corpus.ts';
import { benchLine, benchNotes, benchTable } from './report.ts';
import { bridgeRows } from './rows/bridge-sources.ts';
import { crisisToEffectsRow } from './rows/crisis-to-effects.ts';
import { dbCeilingPgliteRow } from './rows/db-ceiling-pglite.ts';
import { dbCeilingPostgresRow } from './rows/db-ceiling-postgres.ts';
import { noopCeilingRow } from './rows/noop-ceiling.ts';
import { pipelineRow } from './rows/pipeline.ts';
import { regexBaselineRow } from './rows/regex-baseline.ts';
import { stageBoundariesRow } from './rows/stage-boundaries.ts';
import { stageClinicalRow } from './rows/stage-clinical.ts';
import { stageConfidentialityRow } from './rows/stage-confidentiality.ts';
import { stagePoliciesRow } from './rows/stage-policies.ts';
import { benchPostgresUrl, benchRedisUrl } from './services.ts';
import { withTimeout } from './stats.ts';
import type { BenchContext, BenchRow, BenchSizes, RowOutcome } from './types.ts';
import { adapterDiscordRow } from '../test/fakes/discord/adapter-row.ts';
import { adapterSlackHttpRow, adapterSlackRow } from '../test/fakes/slack/adapter-row.ts';

/** Full run: about two minutes on 2 cores. */
const FULL: BenchSizes = {
  stageMs: 2500,
  syntheticMessages: 10_000,
  noopJobs: 10_000,
  dbInsertMs: 3000,
  pipelineSteadyMs: 4000,
  pipelineSaturationMs: 5000,
  crisisMs: 5000,
};
/** `--quick`: a smoke run of every row. */
const QUICK: BenchSizes = {
  stageMs: 200,
  syntheticMessages: 1000,
  noopJobs: 2000,
  dbInsertMs: 400,
  pipelineSteadyMs: 1000,
  pipelineSaturationMs: 1000,
  crisisMs: 1500,
};

// Clinical runs before anything imports the registry, so its lexicon build and heap are measured cold.
const ROWS: BenchRow[] = [
  regexBaselineRow,
  stageClinicalRow,
  stageConfidentialityRow,
  stageBoundariesRow,
  stagePoliciesRow,
  noopCeilingRow,
  dbCeilingPgliteRow,
  dbCeilingPostgresRow,
  pipelineRow('pglite'),
  pipelineRow('postgres'),
  crisisToEffectsRow,
  adapterDiscordRow,
  adapterSlackRow,
  adapterSlackHttpRow,
  ...bridgeRows,
];

const ROW_TIMEOUT_MS = 150_000;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: npm run bench [-- --quick] [--only row1,row2]');
    return 0;
  }
  // The runtime's logs would interleave with the tables; errors still show.
  process.env.WARD_LOG_LEVEL ??= 'error';
  const only = values.only ? new Set(values.only.split(',')) : null;
  const sizes = values.quick ? QUICK : FULL;
  const ctx: BenchContext = {
    quick: Boolean(values.quick),
    sizes,
    corpus: benchCorpus(sizes.syntheticMessages),
    redisUrl: benchRedisUrl(),
    postgresUrl: benchPostgresUrl(),
    runTag: `${process.pid}-${randomBytes(3).toString('hex')}`,
  };
  console.log(
    `Ward bench${ctx.quick ? ' (quick)' : ''}: ${ctx.corpus.length} corpus messages, node ${process.version}`,
  );
  const results = new Map<string, RowOutcome>();
  for (const row of ROWS) {
    if (only && !only.has(row.name)) continue;
    const started = performance.now();
    let outcome: RowOutcome;
    try {
      outcome = await withTimeout(row.run(ctx), ROW_TIMEOUT_MS, row.name);
    } catch (err) {
      outcome = { skipped: `${(err as Error).name}: ${String((err as Error).message).split('\n', 1)[0]}` };
    }
    results.set(row.name, outcome);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `  ${row.name} (${secs} s): ${'row' in outcome ? JSON.stringify(outcome.row) : `skipped — ${outcome.skipped}`}`,
    );
  }
  console.log(`\n${benchTable(results)}\n`);
  for (const note of benchNotes(results)) console.log(note);
  console.log(benchLine(results));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench failed: ${(err as Error).name}: ${(err as Error).message}`);
    process.exit(1);
  },
);
