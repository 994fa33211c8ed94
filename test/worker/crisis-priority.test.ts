import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIORITY } from '../../worker/queues.ts';
import { type Harness, incoming, startHarness } from '../support/ward-harness.ts';

describe('crisis messages jump the evaluate backlog', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres', { roles: [] }); // no worker: jobs stay queued for inspection
  });
  afterAll(() => h.close());

  it('enqueues a crisis suspect at crisis priority and ordinary messages at normal priority', async () => {
    const ordinary = await h.runtime.ingest.receive(incoming('Lovely weather for the walking group today'));
    const crisis = await h.runtime.ingest.receive(
      incoming('I have the pills ready and tonight I will end my life'),
    );
    if (ordinary.status !== 'accepted' || crisis.status !== 'accepted') throw new Error('not accepted');
    const a = await h.runtime.queues.evaluate.getJob(`evaluate-${ordinary.messageId}`);
    const b = await h.runtime.queues.evaluate.getJob(`evaluate-${crisis.messageId}`);
    expect(a?.opts.priority).toBe(PRIORITY.normal);
    expect(b?.opts.priority).toBe(PRIORITY.crisis);
    expect(JSON.stringify(b?.data)).toBe(JSON.stringify({ messageId: crisis.messageId }));
  });
});
