import { type Metric, type Metrics, round3 } from './score-counts.ts';
import type { Kind } from './records.ts';

/** Lays out rows as an aligned text table. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/** Prints a section title and its body. */
export function printSection(title: string, body: string): void {
  console.log(`\n## ${title}\n${body}`);
}

const f3 = (x: number) => x.toFixed(3);

/** Prints detection metrics (tp/fp/fn/P/R/F1) and accuracy metrics as two tables. */
export function printMetrics(title: string, metrics: Metrics): void {
  const det: (string | number)[][] = [];
  const acc: (string | number)[][] = [];
  for (const [key, m] of Object.entries(metrics)) {
    if ('accuracy' in m) acc.push([key, m.correct, m.total, f3(m.accuracy)]);
    else
      det.push([
        key,
        m.tp,
        m.fp,
        m.fn,
        f3(m.precision),
        f3(m.recall),
        f3(m.f1),
        m.auprc === undefined ? '' : f3(m.auprc),
      ]);
  }
  if (det.length)
    printSection(title, formatTable(['metric', 'tp', 'fp', 'fn', 'P', 'R', 'F1', 'AUPRC'], det));
  if (acc.length)
    printSection(`${title} (accuracy)`, formatTable(['metric', 'correct', 'total', 'accuracy'], acc));
  if (!det.length && !acc.length) printSection(title, '(no metrics)');
}

/** One cell summarising a metric: `P/R/F1` or the accuracy. */
export function metricCell(m: Metric | undefined): string {
  if (!m) return '-';
  return 'accuracy' in m
    ? `${f3(m.accuracy)} (${m.correct}/${m.total})`
    : `${f3(m.precision)}/${f3(m.recall)}/${f3(m.f1)}`;
}

/** Prints the same metric keys side by side for several groups (e.g. languages). */
export function printByGroup(
  title: string,
  groups: ReadonlyMap<string, Metrics>,
  keys: readonly string[],
): void {
  const names = [...groups.keys()];
  const rows = keys.map((k) => [k, ...names.map((g) => metricCell(groups.get(g)?.[k]))]);
  printSection(`${title} — P/R/F1 or accuracy`, formatTable(['metric', ...names], rows));
}

/** Prints a confusion grid: expected rows × predicted columns. */
export function printConfusion(title: string, grid: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  const cols = [...new Set([...grid.values()].flatMap((r) => [...r.keys()]))].sort();
  const rows = [...grid.keys()].sort().map((r) => [r, ...cols.map((c) => grid.get(r)?.get(c) ?? 0)]);
  printSection(title, rows.length ? formatTable(['expected \\ predicted', ...cols], rows) : '(empty)');
}

/** Adds one (expected, predicted) pair to a confusion grid. */
export function countConfusion(
  grid: Map<string, Map<string, number>>,
  expected: string,
  predicted: string,
): void {
  const row = grid.get(expected) ?? new Map<string, number>();
  row.set(predicted, (row.get(predicted) ?? 0) + 1);
  grid.set(expected, row);
}

/** The final line of `npm run eval`, in the EVAL.md shape. */
export function evalLine(p: {
  dataset: string;
  kind: Kind;
  records: number;
  ms: number;
  metrics: Metrics;
}): string {
  const msPerRecord = p.records ? round3(p.ms / p.records) : 0;
  return JSON.stringify({
    ward_eval: 1,
    dataset: p.dataset,
    kind: p.kind,
    records: p.records,
    ms_per_record: msPerRecord,
    metrics: p.metrics,
  });
}
