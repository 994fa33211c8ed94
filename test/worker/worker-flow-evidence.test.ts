import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectsFor } from '../../db/repositories/effects.ts';
import { claimEvidenceCard, evidenceCardsIn } from '../../db/repositories/evidence-cards.ts';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';
import { onlyPolicies, sendAndDecide } from './worker-flow-support.ts';

const HOUR = 3_600_000;

// Only clinical_context runs, so evidence cards are the only effects; the `ask` channel allows two cards a window.
const base = testConfig();
const config = testConfig({
  policies: onlyPolicies(['clinical_context']),
  channels: base.channels.map((c) =>
    c.id === 'ask'
      ? { ...c, policies: { clinical_context: { settings: { per_thread_per_day: 2 } } } }
      : { ...c, policies: {} },
  ),
});

describe.each(['postgres', 'pglite'] as const)('evidence cards on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver, { config });
  });
  afterAll(() => h.close());

  async function cardConcepts(id: string): Promise<string[][]> {
    const effects = await effectsFor(h.runtime.database.db, id);
    return effects
      .filter((e) => e.kind === 'reply_in_thread')
      .map((e) => (e.payload as { concepts: string[] }).concepts);
  }
  const send = (text: string, threadId: string | null, channelId = 'peer') =>
    sendAndDecide(h, text, { threadId, channelId });

  it('posts at most one card per concept per thread per day; other concepts and threads still get theirs', async () => {
    expect(await cardConcepts(await send('Does anyone else get headaches with metformin?', 't1'))).toEqual([
      ['metformin'],
    ]);
    // Same thread: metformin already has its card today, asthma has not.
    expect(await cardConcepts(await send('Is metformin fine with asthma inhalers?', 't1'))).toEqual([
      ['asthma'],
    ]);
    expect(await cardConcepts(await send('Still on metformin here', 't1'))).toEqual([]);
    // Another thread, and the channel itself (no thread), are threads of their own.
    expect(await cardConcepts(await send('Still on metformin here', 't2'))).toEqual([['metformin']]);
    expect(await cardConcepts(await send('Still on metformin here', null))).toEqual([['metformin']]);
    expect(await cardConcepts(await send('Ik gebruik metformine sinds vorig jaar', null))).toEqual([]);
  });

  it('follows the channel’s own limit', async () => {
    const cards = [];
    for (let i = 0; i < 3; i++)
      cards.push(await cardConcepts(await send(`metformin question ${i}`, 'a1', 'ask')));
    expect(cards).toEqual([[['metformin']], [['metformin']], []]);
  });

  it('grants one card when two messages about a concept in a thread are decided at once', async () => {
    const sent = await Promise.all(
      ['Anyone taking metformin with food?', 'Metformin upset my stomach too'].map((t) =>
        h.runtime.ingest.receive(incoming(t, { threadId: 't-race' })),
      ),
    );
    const ids = sent.map((s) => (s.status === 'accepted' ? s.messageId : ''));
    await Promise.all(ids.map((id) => h.runtime.waitForDecision(id, 15_000)));
    const all = (await Promise.all(ids.map(cardConcepts))).flat();
    expect(all).toEqual([['metformin']]);
  });

  it('keeps the window durably: a slot frees once the window has passed', async () => {
    const db = h.runtime.database.db;
    const t0 = new Date('2026-11-20T08:00:00Z');
    const claim = (at: Date, messageId: string) =>
      claimEvidenceCard(db, {
        communityId: 'test',
        threadKey: 'sandbox/w1/peer/t-window',
        concept: 'asthma',
        messageId,
        at,
        windowMs: 24 * HOUR,
        limit: 1,
      });
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    expect(await claim(t0, ids[0]!)).toBe(true);
    expect(await claim(new Date(t0.getTime() + 23 * HOUR), ids[1]!)).toBe(false);
    expect(await claim(new Date(t0.getTime() + 24 * HOUR), ids[1]!)).toBe(true);
    expect(await evidenceCardsIn(db, 'test', 'sandbox/w1/peer/t-window', 'asthma')).toBe(1);
  });
});
