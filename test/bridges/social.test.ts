import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../worker/bridges/poll.ts';
import { blueskySearch, jsonFeed, mastodonStatuses } from '../fakes/feeds/fixtures.ts';
import { type FakeFeedServer, startFeedServer } from '../fakes/feeds/server.ts';
import { type Harness, startHarness } from '../support/ward-harness.ts';
import { item, posts, subscribe, testClock } from './support.ts';

let h: Harness;
let api: FakeFeedServer;
const clock = testClock(new Date().toISOString());

beforeAll(async () => {
  api = await startFeedServer();
  // The real scheduler: BullMQ job schedulers poll every second here.
  h = await startHarness('postgres', { bridges: { allowPrivateNetworks: true, syncIntervalMs: 500 } });
  h.runtime.events.on('bridge-polled', (id: string, result: PollResult) => polls.push({ id, result }));
}, 120_000);
afterAll(async () => {
  await h?.close();
  await api?.close();
});

const polls: { id: string; result: PollResult }[] = [];

/** Resolves with the first poll of `id` at or after log position `from` that satisfies `pred`. */
async function pollWhere(id: string, pred: (r: PollResult) => boolean, from = 0): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const at = polls.findIndex((p, i) => i >= from && p.id === id && pred(p.result));
    if (at >= 0) return at;
    if (Date.now() > deadline) throw new Error(`no matching poll of ${id}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const postsWith = (text: string) => posts(h.delivery.effects).filter((p) => p.text.includes(text));

describe('hashtag, search and JSON Feed bridges on the job scheduler', () => {
  it('mastodon: the hashtag timeline is learned, then a new status is posted with its author, tag and link', async () => {
    api.set('/api/v1/timelines/tag/diabetes', {
      body: mastodonStatuses([
        item(clock, '', 60, { id: '1001', summary: 'Old toot about glucose sensors' }),
      ]),
      contentType: 'application/json',
    });
    const id = await subscribe(h, `#diabetes@${api.origin}`, 'gen', { interval_minutes: 1 / 60 });
    await pollWhere(id, (r) => r.outcome === 'learned');
    api.set('/api/v1/timelines/tag/diabetes', {
      body: mastodonStatuses([
        item(clock, '', 1, { id: '1002', summary: 'New study on closed-loop insulin delivery in teens' }),
        item(clock, '', 60, { id: '1001', summary: 'Old toot about glucose sensors' }),
      ]),
      contentType: 'application/json',
    });
    await h.delivery.waitUntil(() => postsWith('closed-loop insulin').length === 1, 20_000);
    const post = postsWith('closed-loop insulin')[0]!;
    expect(post.text).toContain('— Source: @alice@mastodon.example on Mastodon (#diabetes)');
    expect(post.text).toContain('https://mastodon.example/@alice/1002');
    expect(postsWith('glucose sensors')).toHaveLength(0);
  });

  it('bluesky: search results are learned, then a new post is posted once', async () => {
    api.set('/xrpc/app.bsky.feed.searchPosts', {
      body: blueskySearch([
        item(clock, '', 30, { id: '3kold', summary: 'Earlier skeet on migraine diaries' }),
      ]),
      contentType: 'application/json',
    });
    const id = await subscribe(h, `bluesky:#migraine@${api.origin}`, 'gen', { interval_minutes: 1 / 60 });
    await pollWhere(id, (r) => r.outcome === 'learned');
    api.set('/xrpc/app.bsky.feed.searchPosts', {
      body: blueskySearch([
        item(clock, '', 1, {
          id: '3knew',
          summary: 'CGRP antibodies: what the new review found for migraine',
        }),
        item(clock, '', 30, { id: '3kold', summary: 'Earlier skeet on migraine diaries' }),
      ]),
      contentType: 'application/json',
    });
    await h.delivery.waitUntil(() => postsWith('CGRP antibodies').length === 1, 20_000);
    // Two more polls change nothing.
    const seen = await pollWhere(id, (r) => r.ingested === 1);
    const later = await pollWhere(id, (r) => r.outcome === 'polled', seen + 1);
    await pollWhere(id, (r) => r.outcome === 'polled', later + 1);
    expect(postsWith('CGRP antibodies')).toHaveLength(1);
    expect(postsWith('CGRP antibodies')[0]!.text).toContain('on Bluesky');
    expect(postsWith('migraine diaries')).toHaveLength(0);
  });

  it('json feed with ETag: unchanged polls are conditional GETs answered 304', async () => {
    api.set('/feed.json', {
      body: jsonFeed([item(clock, 'Journal: vitamin D and falls, a meta-analysis', 90)]),
      contentType: 'application/feed+json',
      etag: '"v1"',
    });
    const id = await subscribe(h, api.url('/feed.json'), 'gen', { interval_minutes: 1 / 60 });
    await pollWhere(id, (r) => r.outcome === 'learned');
    await pollWhere(id, (r) => r.outcome === 'not_modified');
    expect(api.requests.some((r) => r.path === '/feed.json' && r.headers['if-none-match'] === '"v1"')).toBe(
      true,
    );
  });
});
