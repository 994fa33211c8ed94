import type { Dataset } from '../read-dataset.ts';
import type { Metrics } from '../score-counts.ts';

/** Options every kind accepts. */
export interface KindOptions {
  /** Run only this registered policy instead of the default detector or whole registry. */
  policy?: string;
}

/** What a kind returns: detection time and the metrics of the final line (tables are printed on the way). */
export interface KindResult {
  ms: number;
  metrics: Metrics;
}

/** Evaluates one data set kind. */
export type KindRunner = (ds: Dataset, options: KindOptions) => Promise<KindResult>;

/** The line printed when nothing in Ward covers a kind yet. */
export function notCovered(kind: string, reason: string): KindResult {
  console.log(`\nno detector covers ${kind} yet: ${reason}`);
  return { ms: 0, metrics: {} };
}
