import { availableParallelism } from 'node:os';
import { formatTable } from '../eval/report.ts';
import type { RowOutcome } from './types.ts';

/** The final line of `npm run bench`, in the EVAL.md shape: measured rows only, numbers only. */
export function benchLine(rows: ReadonlyMap<string, RowOutcome>): string {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, r] of rows) if ('row' in r) out[name] = r.row;
  return JSON.stringify({ ward_bench: 1, node: process.version, cores: availableParallelism(), rows: out });
}

/** The human table: one line per row with its figures, or why it was skipped. */
export function benchTable(rows: ReadonlyMap<string, RowOutcome>): string {
  const lines = [...rows].map(([name, r]) => [
    name,
    'row' in r
      ? Object.entries(r.row)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : `skipped: ${r.skipped}`,
  ]);
  return formatTable(['row', 'figures'], lines);
}

/** Notes printed under the table (per-source figures, sample sizes). */
export function benchNotes(rows: ReadonlyMap<string, RowOutcome>): string[] {
  return [...rows].flatMap(([name, r]) => ('row' in r && r.note ? [`${name}: ${r.note}`] : []));
}
