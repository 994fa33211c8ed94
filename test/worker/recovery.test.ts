import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsFor } from '../../db/repositories/decisions.ts';
import { getMessage } from '../../db/repositories/messages.ts';
import { QUEUE } from '../../worker/queues.ts';
import { REDIS_URL } from '../support/services.ts';
import { type Harness, incoming, startHarness } from '../support/ward-harness.ts';

describe('nothing is lost when a worker dies mid-job', () => {
  let h: Harness;
  beforeAll(async () => {
    // Ingest only: no worker of our own, so the "crashing" worker below takes the job.
    h = await startHarness('postgres', { roles: [] });
  });
  afterAll(() => h.close());

  it('a job taken by a worker that dies is evaluated once by the next worker', async () => {
    let taken!: () => void;
    const tookJob = new Promise<void>((r) => {
      taken = r;
    });
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const doomed = new Worker(
      QUEUE.evaluate,
      () => {
        taken();
        return new Promise(() => {}); // never finishes, like a process killed mid-job
      },
      { connection, prefix: h.prefix, lockDuration: 1000, stalledInterval: 1000 },
    );
    const res = await h.runtime.ingest.receive(incoming('ring 06 12 34 56 78 please'));
    if (res.status !== 'accepted') throw new Error('not accepted');
    await tookJob;
    await doomed.close(true); // stops lock renewal without finishing the job
    connection.disconnect();

    const next = await h.restart({ roles: ['worker', 'bots'], lockDurationMs: 1000 });
    await next.waitForDecision(res.messageId, 20_000);
    const decisions = await decisionsFor(next.database.db, res.messageId);
    expect(decisions.map((d) => d.tier).sort()).toEqual(['crisis', 'standard']);
    expect((await getMessage(next.database.db, res.messageId))?.status).toBe('evaluated');
  });
});
