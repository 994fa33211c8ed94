/**
 * Remembers recently seen Slack `event_id`s. Slack redelivers an event (with `x-slack-retry-num` / `retry_attempt`)
 * when it did not see an ack in time, up to three times within about five minutes; a redelivery of an id already
 * seen is dropped here, and ingest's own (message id + content) dedupe catches what a restart forgot.
 */
export class EventDedupe {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly max = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered within the TTL; false for a repeat. */
  firstTime(eventId: string): boolean {
    const now = this.now();
    const at = this.seen.get(eventId);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(eventId);
    this.seen.set(eventId, now);
    this.evict(now);
    return true;
  }

  /** Forgets an id, so a redelivery is processed again (after ingest failed). */
  forget(eventId: string): void {
    this.seen.delete(eventId);
  }

  // Map iteration is insertion order, so the oldest entries come first.
  private evict(now: number): void {
    for (const [id, at] of this.seen) {
      if (this.seen.size <= this.max && now - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
