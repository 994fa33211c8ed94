import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemCounts } from '../../db/repositories/bridges.ts';
import { pollSubscription } from '../../worker/bridges/poll.ts';
import { atomFeed, rssFeed } from '../fakes/feeds/fixtures.ts';
import { type FakeFeedServer, startFeedServer } from '../fakes/feeds/server.ts';
import { type Harness, startHarness } from '../support/ward-harness.ts';
import { bridgeDeps, item, posts, subscribe, type TestClock, testClock } from './support.ts';

let h: Harness;
let feeds: FakeFeedServer;
let clock: TestClock;

beforeAll(async () => {
  feeds = await startFeedServer();
  clock = testClock();
  h = await startHarness('postgres', { bridges: { enabled: false } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await feeds?.close();
});

const poll = (id: string) => pollSubscription(bridgeDeps(h, clock), id);
const postsWith = (text: string) => posts(h.delivery.effects).filter((p) => p.text.includes(text));

describe('feed bridge through the real pipeline', () => {
  it('learning phase records what exists and posts nothing; a new item then posts once, with source and date', async () => {
    const old = [
      item(clock, 'Asthma guideline revised for adults', 600),
      item(clock, 'COPD inhaler advice', 900),
    ];
    feeds.set('/learn.xml', { body: rssFeed(old, 'NICE updates') });
    const id = await subscribe(h, feeds.url('/learn.xml'), '#gen', {
      publisher: { name: 'NICE', type: 'guideline' },
    });

    const first = await poll(id);
    expect(first.outcome).toBe('learned');
    expect(first.learned).toBe(2);
    expect(await itemCounts(h.runtime.database.db, id)).toEqual({ learned: 2 });

    const fresh = item(clock, 'Type 1 diabetes: new insulin pump guidance', 5);
    feeds.set('/learn.xml', { body: rssFeed([fresh, ...old], 'NICE updates') });
    const second = await poll(id);
    expect(second.ingested).toBe(1);
    await h.delivery.waitUntil(() => postsWith('new insulin pump guidance').length === 1);
    const post = postsWith('new insulin pump guidance')[0]!;
    expect(post).toMatchObject({ kind: 'post_message', platform: 'sandbox', channelId: 'gen' });
    expect(post.text).toContain(fresh.url);
    expect(post.text).toMatch(/— Source: NICE updates · 20 Nov 2026 · Publisher: NICE/);

    // The same feed again, and with only a changed pubDate: nothing more is posted.
    expect((await poll(id)).ingested).toBe(0);
    feeds.set('/learn.xml', {
      body: rssFeed([{ ...fresh, date: clock.now.toISOString() }, ...old], 'NICE updates'),
    });
    const moved = await poll(id);
    expect(moved).toMatchObject({ ingested: 0, edited: 0, pending: 0 });
    expect(postsWith('Asthma guideline').length).toBe(0);
    expect(postsWith('new insulin pump guidance').length).toBe(1);
  });

  it('the same article in two feeds (other guid, tracking parameters) posts once', async () => {
    feeds.set('/a.xml', { body: rssFeed([]) });
    feeds.set('/b.xml', { body: atomFeed([]), contentType: 'application/atom+xml' });
    const a = await subscribe(h, feeds.url('/a.xml'), 'gen');
    const b = await subscribe(h, feeds.url('/b.xml'), 'gen');
    await poll(a);
    await poll(b);
    const article = item(clock, 'Cochrane review: exercise for chronic low back pain', 10);
    feeds.set('/a.xml', {
      body: rssFeed([{ ...article, url: `${article.url}?utm_source=rss&utm_medium=feed` }]),
    });
    feeds.set('/b.xml', {
      body: atomFeed([{ ...article, id: `tag:reviews.example.org,2026:${article.id}` }]),
      contentType: 'application/atom+xml',
    });
    expect((await poll(a)).ingested).toBe(1);
    const second = await poll(b);
    expect(second).toMatchObject({ ingested: 0, skipped: { duplicate: 1 } });
    await h.delivery.waitUntil(() => postsWith('exercise for chronic low back pain').length === 1);
  });

  it('the rate cap delays excess items to later polls; none is dropped', async () => {
    feeds.set('/burst.xml', { body: rssFeed([]) });
    const id = await subscribe(h, feeds.url('/burst.xml'), 'clin', { rate_per_hour: 2, daily_cap: 10 });
    await poll(id);
    const burst = [1, 2, 3, 4, 5].map((n) => item(clock, `Burst item number ${n} about statins`, 10 + n));
    feeds.set('/burst.xml', { body: rssFeed(burst) });
    const r1 = await poll(id);
    expect(r1).toMatchObject({ pending: 5, ingested: 2 });
    // Oldest first.
    await h.delivery.waitUntil(() => postsWith('about statins').length === 2);
    expect(
      postsWith('about statins')
        .map((p) => p.text.slice(0, 20))
        .sort(),
    ).toEqual(['Burst item number 4 ', 'Burst item number 5 ']);
    expect((await poll(id)).ingested).toBe(0);
    clock.advanceMinutes(61);
    expect((await poll(id)).ingested).toBe(2);
    clock.advanceMinutes(61);
    expect((await poll(id)).ingested).toBe(1);
    expect(await itemCounts(h.runtime.database.db, id)).toEqual({ ingested: 5 });
    await h.delivery.waitUntil(() => postsWith('about statins').length === 5);
  });

  it('an edit at the source updates the post; an item removed at the source is marked', async () => {
    const keep = item(clock, 'Older item that stays in the feed', 300);
    const post = item(clock, 'Influenza vaccination season opens', 20);
    feeds.set('/edit.xml', { body: rssFeed([keep]) });
    const id = await subscribe(h, feeds.url('/edit.xml'), 'gen');
    await poll(id);
    feeds.set('/edit.xml', { body: rssFeed([post, keep]) });
    await poll(id);
    await h.delivery.waitUntil(() => postsWith('vaccination season opens').length === 1);
    const posted = postsWith('vaccination season opens')[0]!;

    feeds.set('/edit.xml', {
      body: rssFeed([{ ...post, title: 'Influenza vaccination season opens on 1 October' }, keep]),
    });
    expect((await poll(id)).edited).toBe(1);
    await h.delivery.waitUntil(() => postsWith('opens on 1 October').length === 1);
    const update = postsWith('opens on 1 October')[0]!;
    expect(update.kind).toBe('update_message');
    expect(update.kind === 'update_message' && update.platformMessageId).toBeTruthy();
    expect(
      posts(h.delivery.effects).filter((p) => p.kind === 'post_message' && p.text.includes('Influenza'))
        .length,
    ).toBe(1);

    feeds.set('/edit.xml', { body: rssFeed([keep]) });
    expect((await poll(id)).deleted).toBe(1);
    await h.delivery.waitUntil(() => postsWith('Removed at the source').length === 1);
    expect(posted.effectId).toBeTruthy();
  });

  it('an item with a phone number is held for moderators, not posted', async () => {
    feeds.set('/pii.xml', { body: rssFeed([], 'Support group news') });
    const id = await subscribe(h, feeds.url('/pii.xml'), 'peer');
    await poll(id);
    const leak = item(clock, 'Support group meeting moved', 5, {
      summary: 'Questions? Call Marieke on 06 12 34 56 78 tonight.',
    });
    // Its own feed title: one source's held items within ten minutes would merge into one escalation card.
    feeds.set('/pii.xml', { body: rssFeed([leak], 'Support group news') });
    expect((await poll(id)).ingested).toBe(1);
    await h.delivery.waitUntil((effects) =>
      effects.some(
        (e) => e.kind === 'post_card' && e.card.redactedExcerpt.includes('Support group meeting moved'),
      ),
    );
    const card = h.delivery.effects.find(
      (e) => e.kind === 'post_card' && e.card.redactedExcerpt.includes('Support group meeting moved'),
    );
    expect(card?.kind === 'post_card' && card.card.redactedExcerpt).not.toContain('06 12 34 56 78');
    expect(postsWith('Support group meeting moved')).toHaveLength(0);
  });

  it('failures back off; after max_failures in a row the bridge pauses and moderators are alerted', async () => {
    feeds.set('/flaky.xml', { status: 500, body: 'oops', contentType: 'text/plain' });
    const id = await subscribe(h, feeds.url('/flaky.xml'), 'gen', { max_failures: 3, interval_minutes: 10 });
    expect(await poll(id)).toMatchObject({ outcome: 'failed', errorCode: 'bridge_http_500' });
    expect((await poll(id)).outcome).toBe('backing_off');
    clock.advanceMinutes(21);
    expect((await poll(id)).outcome).toBe('failed');
    feeds.set('/flaky.xml', {
      body: '<rss><channel><item><title>broken',
      contentType: 'application/rss+xml',
    });
    clock.advanceMinutes(41);
    const last = await poll(id);
    expect(last.outcome).toBe('paused');
    expect(last.errorCode).toBe('bridge_parse_error');
    await h.delivery.waitUntil((effects) =>
      effects.some((e) => e.kind === 'alert_moderators' && e.text.includes(id) && e.text.includes('paused')),
    );
    clock.advanceMinutes(600);
    expect((await poll(id)).outcome).toBe('skipped');
  });

  it('the SSRF guard refuses a loopback feed when private targets are not allowed', async () => {
    feeds.set('/private.xml', { body: rssFeed([]) });
    const id = await subscribe(h, feeds.url('/private.xml'), 'gen');
    const r = await pollSubscription(bridgeDeps(h, clock, false), id);
    expect(r).toMatchObject({ outcome: 'failed', errorCode: 'bridge_ssrf_refused' });
    expect(feeds.requests.some((q) => q.path.startsWith('/private.xml'))).toBe(false);
  });
});
