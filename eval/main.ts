import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEntities } from './kinds/entities.ts';
import { runLabels } from './kinds/labels.ts';
import { runQa } from './kinds/qa.ts';
import { runScenarios } from './kinds/scenarios.ts';
import { runSpans } from './kinds/spans.ts';
import type { KindRunner } from './kinds/types.ts';
import { loadExport } from './load-module.ts';
import { DatasetError, readDataset } from './read-dataset.ts';
import { KINDS, type Kind } from './records.ts';
import { evalLine } from './report.ts';
import { withReview } from './review-compare.ts';

const USAGE = `usage: npm run eval -- <file.jsonl> [--policy name] [--kind ${KINDS.join('|')}] [--review]`;

const RUNNERS: Record<Kind, KindRunner> = {
  spans: runSpans,
  labels: runLabels,
  entities: runEntities,
  qa: runQa,
  scenarios: runScenarios,
};

/** `npm run eval`: tables first, then exactly one JSON line in the EVAL.md shape. */
async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = args.positionals[0];
  if (args.values.help || !file || args.positionals.length > 1) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }
  const forced = args.values.kind;
  if (forced !== undefined && !(KINDS as readonly string[]).includes(forced)) {
    console.error(`--kind must be one of ${KINDS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const policy = args.values.policy;
  if (policy) {
    const registry = await loadExport<Record<string, unknown>>('policies/index.ts', 'availablePolicies');
    if (registry.ok && !(policy in registry.value)) {
      console.error(
        `--policy: no registered policy named ${policy} (have: ${Object.keys(registry.value).join(', ')})`,
      );
      return 2;
    }
  }
  const ds = readDataset(file, forced as Kind | undefined);
  console.log(
    `Ward eval: ${path.basename(file)} (${ds.name}), kind ${ds.kind}, ${ds.records.length} records`,
  );
  const plain = await RUNNERS[ds.kind](ds, policy ? { policy } : {});
  const result = args.values.review ? await withReview(ds, plain, policy) : plain;
  console.log(
    evalLine({
      dataset: path.basename(file),
      kind: ds.kind,
      records: ds.records.length,
      ms: result.ms,
      metrics: result.metrics,
    }),
  );
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      kind: { type: 'string' },
      review: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof DatasetError) {
      console.error(`eval: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    // Name and stack frames only: an error message from a detector could quote the record.
    const e = err instanceof Error ? err : new Error('non-error thrown');
    console.error(`eval failed: ${e.name}\n${(e.stack ?? '').split('\n').slice(1).join('\n')}`);
    process.exitCode = 1;
  },
);
