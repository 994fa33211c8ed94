import { type Counts, zeroCounts } from './score-counts.ts';

/** A typed span; offsets are UTF-16 indices into the original text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  type: string;
}

/** How two spans must agree to count as a match. */
export type MatchMode = 'exact' | 'overlap';

/** Per-type and overall counts for one match mode. */
export interface SpanCounts {
  overall: Counts;
  byType: Map<string, Counts>;
}

const overlapLength = (a: Span, b: Span): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** True when `p` matches `g` under `mode`; `typed` also requires the same type. */
export function spansMatch(g: Span, p: Span, mode: MatchMode, typed = true): boolean {
  if (typed && g.type !== p.type) return false;
  return mode === 'exact' ? g.start === p.start && g.end === p.end : overlapLength(g, p) > 0;
}

/**
 * One-to-one matching of gold and predicted spans: each span is used at most once, the pairs with the
 * largest overlap first, so a prediction split in two is one hit and one false positive.
 */
export function matchSpans(
  gold: readonly Span[],
  pred: readonly Span[],
  mode: MatchMode,
  typed = true,
): { pairs: [number, number][]; goldLeft: number[]; predLeft: number[] } {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      if (spansMatch(g, p, mode, typed)) candidates.push([gi, pi, overlapLength(g, p)]);
    });
  });
  candidates.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [gi, pi] of candidates) {
    if (usedGold.has(gi) || usedPred.has(pi)) continue;
    usedGold.add(gi);
    usedPred.add(pi);
    pairs.push([gi, pi]);
  }
  return {
    pairs,
    goldLeft: gold.map((_, i) => i).filter((i) => !usedGold.has(i)),
    predLeft: pred.map((_, i) => i).filter((i) => !usedPred.has(i)),
  };
}

/** Empty per-type counts. */
export const emptySpanCounts = (): SpanCounts => ({ overall: zeroCounts(), byType: new Map() });

function bump(counts: SpanCounts, type: string, field: keyof Counts): void {
  let c = counts.byType.get(type);
  if (!c) {
    c = zeroCounts();
    counts.byType.set(type, c);
  }
  c[field]++;
  counts.overall[field]++;
}

/** Adds one record's typed matching into `acc` (tp/fp/fn per type and overall). */
export function addSpanCounts(
  acc: SpanCounts,
  gold: readonly Span[],
  pred: readonly Span[],
  mode: MatchMode,
): void {
  const { pairs, goldLeft, predLeft } = matchSpans(gold, pred, mode, true);
  for (const [gi] of pairs) bump(acc, gold[gi]!.type, 'tp');
  for (const gi of goldLeft) bump(acc, gold[gi]!.type, 'fn');
  for (const pi of predLeft) bump(acc, pred[pi]!.type, 'fp');
}

/** Adds one record's type-agnostic overlap matching into `acc`. */
export function addUntypedOverlap(acc: Counts, gold: readonly Span[], pred: readonly Span[]): void {
  const { pairs, goldLeft, predLeft } = matchSpans(gold, pred, 'overlap', false);
  acc.tp += pairs.length;
  acc.fn += goldLeft.length;
  acc.fp += predLeft.length;
}

/** Gold type → predicted type (or `missed`) of the most-overlapping prediction, plus unmatched predictions as `spurious`. */
export function addConfusion(
  confusion: Map<string, Map<string, number>>,
  gold: readonly Span[],
  pred: readonly Span[],
): void {
  const add = (row: string, col: string) => {
    const r = confusion.get(row) ?? new Map<string, number>();
    r.set(col, (r.get(col) ?? 0) + 1);
    confusion.set(row, r);
  };
  const { pairs, goldLeft, predLeft } = matchSpans(gold, pred, 'overlap', false);
  for (const [gi, pi] of pairs) add(gold[gi]!.type, pred[pi]!.type);
  for (const gi of goldLeft) add(gold[gi]!.type, 'missed');
  for (const pi of predLeft) add('spurious', pred[pi]!.type);
}
