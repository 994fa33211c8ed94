import type { WardRuntime } from '../../../worker/runtime.ts';
import type { ReviewSummary } from '../../../worker/review/review-message.ts';
import { incoming } from '../../support/ward-harness.ts';
import type { IncomingMessage } from '../../../bots/contract.ts';

/** Collects `decided` and `reviewed` events of a runtime so a test can wait for one message. */
export class ReviewWatcher {
  private readonly done = new Map<string, ReviewSummary>();
  private readonly decided = new Set<string>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly runtime: WardRuntime) {
    runtime.events.on('reviewed', (id: string, summary: ReviewSummary) => {
      this.done.set(id, summary);
      this.wake();
    });
    // `decided` is emitted after evaluateMessage returns, so after the review hook ran.
    runtime.events.on('decided', (id: string) => {
      this.decided.add(id);
      this.wake();
    });
  }

  /** Sends a message through ingest and waits until its evaluation (review hook included) finished. */
  async send(text: string, overrides: Partial<IncomingMessage> = {}): Promise<string> {
    const res = await this.runtime.ingest.receive(incoming(text, overrides));
    if (res.status !== 'accepted') throw new Error(`not accepted: ${res.status}`);
    await this.until(() => this.decided.has(res.messageId), `message ${res.messageId} not evaluated in time`);
    return res.messageId;
  }

  /** Resolves with the summary once the message was reviewed. */
  async summaryOf(messageId: string): Promise<ReviewSummary> {
    await this.until(() => this.done.has(messageId), `message ${messageId} not reviewed in time`);
    return this.done.get(messageId)!;
  }

  private wake(): void {
    for (const w of this.waiters) w();
  }

  private async until(ok: () => boolean, failure: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(failure);
      await new Promise<void>((r) => {
        const w = () => {
          this.waiters.delete(w);
          r();
        };
        this.waiters.add(w);
        setTimeout(w, 100);
      });
    }
  }
}
