import { type BenchRuntime, incomingFor } from './runtime.ts';
import { sleep } from './stats.ts';
import type { BenchMessage } from './types.ts';

/** How long a single message may take before it counts as lost (its latency is then at least this). */
export const MESSAGE_TIMEOUT_MS = 10_000;

/** One message's outcome: ms from the ingest call until its decision (or effects); `ok` false if lost. */
export interface Sample {
  i: number;
  ms: number;
  ok: boolean;
}

/** Sends messages and measures ingest → (decision | effects) latency. */
export class LoadDriver {
  private seq = 0;
  failures = 0;

  constructor(
    private readonly runtime: BenchRuntime,
    private readonly tag: string,
  ) {}

  /** Ingests one message and waits for its decision (or effects) to be persisted. */
  async one(m: BenchMessage, until: 'decision' | 'effects' = 'decision', i = 0): Promise<Sample> {
    const started = performance.now();
    try {
      const res = await this.runtime.ingest.receive(incomingFor(m, this.tag, this.seq++));
      if (res.status !== 'accepted') throw new Error(`ingest ${res.status}`);
      if (until === 'effects') await this.runtime.waitForEffects!(res.messageId, MESSAGE_TIMEOUT_MS);
      else await this.runtime.waitForDecision(res.messageId, MESSAGE_TIMEOUT_MS);
      return { i, ms: performance.now() - started, ok: true };
    } catch {
      this.failures++;
      // A lost message still counts, at the time it was given up on, so tails are never flattered.
      return { i, ms: performance.now() - started, ok: false };
    }
  }

  /** Offers `pick(i)` at a steady `perSecond` for `ms`; resolves with every message's sample once all finished. */
  async steady(
    perSecond: number,
    ms: number,
    pick: (i: number) => { m: BenchMessage; until?: 'decision' | 'effects' },
  ): Promise<Sample[]> {
    const count = Math.max(1, Math.round((perSecond * ms) / 1000));
    const interval = 1000 / perSecond;
    const started = performance.now();
    const pending: Promise<Sample>[] = [];
    for (let i = 0; i < count; i++) {
      const wait = started + i * interval - performance.now();
      if (wait >= 1) await sleep(wait);
      const { m, until } = pick(i);
      pending.push(this.one(m, until, i));
    }
    return Promise.all(pending);
  }

  /** Keeps `inFlight` messages outstanding for `ms`, then lets them finish; resolves with completed messages per second. */
  async saturate(ms: number, inFlight: number, pick: (i: number) => BenchMessage): Promise<number> {
    let next = 0;
    let done = 0;
    const started = performance.now();
    const lane = async () => {
      while (performance.now() - started < ms) {
        if ((await this.one(pick(next++))).ok) done++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
    return (done / (performance.now() - started)) * 1000;
  }
}
