/** Breaker states: closed (calls flow), open (calls skipped), half_open (one probe allowed). */
export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * Stops calling an endpoint after `threshold` consecutive failures, for `cooldownMs`; then lets one probe through,
 * which closes it on success or opens it again on failure. In-process: each worker process keeps its own.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(
    private readonly threshold = 5,
    private readonly cooldownMs = 30_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The current state. */
  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.clock() - this.openedAt >= this.cooldownMs ? 'half_open' : 'open';
  }

  /** Whether a call may go out now; in half_open only one probe at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Records a successful call: closes the breaker. */
  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  /** Records a failed call; returns true when this failure opened the breaker. */
  failure(): boolean {
    this.failures++;
    const wasProbe = this.probing;
    this.probing = false;
    if (wasProbe || (this.openedAt === null && this.failures >= this.threshold)) {
      this.openedAt = this.clock();
      return true;
    }
    return false;
  }
}
