/** Detection counts for one metric. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Detection counts with their derived scores (EVAL.md shape); `auprc` only when scores were available. */
export interface DetectionMetric extends Counts {
  precision: number;
  recall: number;
  f1: number;
  auprc?: number;
}

/** Classification of already-matched items (EVAL.md shape). */
export interface AccuracyMetric {
  correct: number;
  total: number;
  accuracy: number;
}

/** One metric of the final line. */
export type Metric = DetectionMetric | AccuracyMetric;

/** Metric key → metric, in insertion order. */
export type Metrics = Record<string, Metric>;

/** Rounds to 3 decimals, the precision of the final line. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** A ratio that is 0 when its denominator is 0 (scikit-learn's zero_division=0 convention). */
const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/** Precision, recall and F1 from counts; undefined ratios are 0. */
export function detection(c: Counts): DetectionMetric {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return {
    tp: c.tp,
    fp: c.fp,
    fn: c.fn,
    precision: round3(precision),
    recall: round3(recall),
    f1: round3(f1),
  };
}

/** Accuracy from a correct/total pair; 0 when nothing was scored. */
export function accuracy(correct: number, total: number): AccuracyMetric {
  return { correct, total, accuracy: round3(ratio(correct, total)) };
}

/** Empty counts. */
export const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Adds `b` into `a`. */
export function addCounts(a: Counts, b: Counts): Counts {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
  return a;
}

/** Counts one binary decision: expected vs predicted. */
export function countBinary(c: Counts, expected: boolean, predicted: boolean): void {
  if (expected && predicted) c.tp++;
  else if (predicted) c.fp++;
  else if (expected) c.fn++;
}

/** Counts set agreement: items in both are tp, only predicted fp, only expected fn. */
export function countSets(c: Counts, expected: ReadonlySet<string>, predicted: ReadonlySet<string>): void {
  for (const x of predicted) {
    if (expected.has(x)) c.tp++;
    else c.fp++;
  }
  for (const x of expected) {
    if (!predicted.has(x)) c.fn++;
  }
}

/** True when a metric has anything to say (some tp, fp, fn or scored item). */
export function hasEvidence(m: Counts | { total: number }): boolean {
  return 'total' in m ? m.total > 0 : m.tp + m.fp + m.fn > 0;
}

/** Average precision (area under the precision-recall curve, step-wise) of scores against binary truth. */
export function averagePrecision(items: readonly { score: number; positive: boolean }[]): number {
  const positives = items.filter((i) => i.positive).length;
  if (positives === 0) return 0;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let tp = 0;
  let seen = 0;
  let ap = 0;
  // Tied scores are one threshold: precision is taken after the whole tie group.
  for (let i = 0; i < sorted.length; ) {
    const score = sorted[i]!.score;
    let groupTp = 0;
    while (i < sorted.length && sorted[i]!.score === score) {
      if (sorted[i]!.positive) groupTp++;
      seen++;
      i++;
    }
    tp += groupTp;
    ap += (groupTp / positives) * (tp / seen);
  }
  return round3(ap);
}
