/**
 * Runs work for the same key one after another, in arrival order. Discord events for one message
 * (create, edit, delete) are handled concurrently otherwise, and ingest must see an edit after
 * the message it edits, and a delete after both.
 */
export class KeyedSequencer {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `work` behind earlier work for `key`; a failure never blocks later work. */
  run(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }

  /** Keys with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
