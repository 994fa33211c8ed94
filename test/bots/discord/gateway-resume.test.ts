import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, startBoth } from './harness.ts';

let t: Awaited<ReturnType<typeof startBoth>>;
beforeAll(async () => {
  t = await startBoth();
});
afterAll(async () => t?.stop());

it('connects with JSON encoding and no transport compression', () => {
  const query = t.fake.gateway.connectQueries[0]!;
  expect(query.get('v')).toBe('10');
  expect(query.get('encoding')).toBe('json');
  expect(query.has('compress')).toBe(false);
});

it('resumes after a dropped connection without losing or doubling messages', async () => {
  const sent: string[] = [];
  const post = (content: string) =>
    sent.push(t.fake.postMessage({ channelId: ids.peerChannel, authorId: ids.member, content }).id);

  post('before the drop 1');
  post('before the drop 2');
  // Dropped right after sending: the client may or may not have read the last frames.
  t.fake.gateway.drop();
  post('while disconnected 1');
  post('while disconnected 2');
  await t.fake.gateway.whenLive();
  post('after the resume');

  await t.ingest.until(() => sent.every((id) => t.ingest.received.some((m) => m.platformMessageId === id)));
  const counts = sent.map((id) => t.ingest.received.filter((m) => m.platformMessageId === id).length);
  expect(counts).toEqual([1, 1, 1, 1, 1]);
  expect(t.fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1, connections: 2 });
});

describe('heartbeats', () => {
  it('beats and is acknowledged, keeping one session on one connection', async () => {
    const fast = await startBoth({}, 40);
    try {
      const beats = new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (fast.fake.gateway.stats.heartbeats >= 3) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      });
      await beats;
      expect(fast.fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 0, connections: 1 });
    } finally {
      await fast.stop();
    }
  });
});
