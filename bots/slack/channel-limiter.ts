import { PlatformRateLimitedError } from '../../worker/errors.ts';

/** Options of the per-channel limiter; the clock and sleep are injectable so tests need no real time. */
export interface ChannelLimiterOptions {
  /** Minimum gap between two posts in one channel (Slack allows about one message per second per channel). */
  intervalMs?: number;
  /** Longer waits are handed back to the deliver queue instead of holding a worker slot. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Spaces posts per channel. A short wait is slept in process; a long one throws PlatformRateLimitedError
 * so the deliver job is delayed, never dropped. https://docs.slack.dev/apis/web-api/rate-limits
 */
export class ChannelLimiter {
  private readonly next = new Map<string, number>();
  private readonly intervalMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: ChannelLimiterOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Waits for the channel's next slot and takes it, or throws PlatformRateLimitedError if that is too far off. */
  async acquire(channelId: string): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.next.get(channelId) ?? 0);
    const wait = slot - now;
    if (wait > this.maxWaitMs) throw new PlatformRateLimitedError(wait);
    this.next.set(channelId, slot + this.intervalMs);
    this.prune(now);
    if (wait > 0) await this.sleep(wait);
  }

  /** Pushes a channel's next slot out, after Slack itself answered 429 for it. */
  backOff(channelId: string, ms: number): void {
    this.next.set(channelId, Math.max(this.next.get(channelId) ?? 0, this.now() + ms));
  }

  // Keeps the map from growing with every channel ever posted to.
  private prune(now: number): void {
    if (this.next.size < 1000) return;
    for (const [id, at] of this.next) if (at < now) this.next.delete(id);
  }
}
