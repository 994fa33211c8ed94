import { percentile, roundFigure } from './stats.ts';
import type { BenchMessage } from './types.ts';

/** Throughput and tail latency of a per-message function over a corpus. */
export interface StageFigures {
  msgs_per_s: number;
  p99_ms: number;
  /** Messages timed (at least one pass for fast stages; a prefix of the shuffled corpus for slow ones). */
  count: number;
  /** Per source (scenarios / synthetic), for the printed table. */
  bySource: Record<string, { msgs_per_s: number; p99_ms: number }>;
}

// Per-core latency target is stated for messages up to this length (issue 3).
const P99_MAX_CHARS = 2000;
const WARM_UP_MS = 500;
const WARM_UP_MAX = 200;

/**
 * Warms `fn` up briefly, then times it message by message over the corpus (cycling) until `minMs` of
 * measured time has passed and at least one full pass or `minCount` messages were timed, whichever is less.
 */
export function measureStage(
  corpus: readonly BenchMessage[],
  fn: (m: BenchMessage) => unknown,
  minMs: number,
  minCount = 200,
): StageFigures {
  const warmStart = performance.now();
  for (let i = 0; i < Math.min(WARM_UP_MAX, corpus.length) && performance.now() - warmStart < WARM_UP_MS; i++)
    fn(corpus[i]!);
  const per = new Map<string, { total: number; count: number; samples: number[] }>();
  const all: number[] = [];
  let total = 0;
  let count = 0;
  const enough = Math.min(corpus.length, minCount);
  while (corpus.length && (total < minMs || count < enough)) {
    const m = corpus[count % corpus.length]!;
    const t0 = performance.now();
    fn(m);
    const dt = performance.now() - t0;
    total += dt;
    count++;
    const s = per.get(m.source) ?? { total: 0, count: 0, samples: [] };
    s.total += dt;
    s.count++;
    if (m.text.length <= P99_MAX_CHARS) {
      s.samples.push(dt);
      all.push(dt);
    }
    per.set(m.source, s);
  }
  const bySource: StageFigures['bySource'] = {};
  for (const [source, s] of per) {
    bySource[source] = {
      msgs_per_s: roundFigure((s.count / s.total) * 1000),
      p99_ms: roundFigure(percentile(s.samples, 99)),
    };
  }
  return {
    msgs_per_s: roundFigure((count / total) * 1000),
    p99_ms: roundFigure(percentile(all, 99)),
    count,
    bySource,
  };
}

/** A printed note with the number of messages timed and the per-source figures. */
export function sourceNote(f: StageFigures): string {
  const parts = Object.entries(f.bySource).map(([s, v]) => `${s} ${v.msgs_per_s}/s p99 ${v.p99_ms} ms`);
  return `${f.count} msgs timed; ${parts.join('; ')}`;
}
