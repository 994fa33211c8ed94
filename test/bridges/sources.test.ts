import { describe, expect, it } from 'vitest';
import { BridgeParseError, type BridgeTarget } from '../../bots/bridges/contract.ts';
import { bridgeSources, requestFor, sourceForBody } from '../../bots/bridges/registry.ts';
import {
  atomFeed,
  blueskySearch,
  type FixtureItem,
  jsonFeed,
  mastodonStatuses,
  rssFeed,
} from '../fakes/feeds/fixtures.ts';

const items: FixtureItem[] = [
  {
    id: 'nhg-2026-41',
    title: 'Diabetes mellitus type 2: herziene standaard & nieuwe streefwaarden',
    summary: 'De <b>herziene</b> NHG-standaard beschrijft &eacute;&eacute;n nieuwe aanpak.',
    url: 'https://guidelines.example.org/diabetes?utm_source=rss',
    date: '2026-11-19T08:00:00Z',
  },
  {
    id: 'nhg-2026-40',
    title: 'Hypertension in adults: update',
    summary: 'Updated thresholds for treatment.',
    url: 'https://guidelines.example.org/hypertension',
    date: '2026-11-18T08:00:00Z',
  },
];
const feed: BridgeTarget = { kind: 'feed', source: 'https://x.example/feed', instance: null };

describe('feed sources', () => {
  it('the registry names each source kind after its key', () => {
    for (const [name, source] of Object.entries(bridgeSources)) expect(source.kind).toBe(name);
  });

  it.each([
    ['rss', rssFeed(items), 'application/rss+xml'],
    ['atom', atomFeed(items), 'application/atom+xml'],
    ['json_feed', jsonFeed(items), 'application/feed+json'],
  ])('%s: picked by content and read into items with plain text', (kind, body, type) => {
    const source = sourceForBody(feed, body, type);
    expect(source.kind).toBe(kind);
    const out = source.parse(body, feed);
    expect(out).toHaveLength(2);
    expect(out[0]!.title).toBe('Diabetes mellitus type 2: herziene standaard & nieuwe streefwaarden');
    expect(out[0]!.summary).toBe('De herziene NHG-standaard beschrijft één nieuwe aanpak.');
    expect(out[0]!.url).toBe('https://guidelines.example.org/diabetes?utm_source=rss');
    expect(out[0]!.guid).toBe('nhg-2026-41');
    expect(out[0]!.publishedAt?.toISOString()).toBe('2026-11-19T08:00:00.000Z');
  });

  it('a malformed XML feed and a JSON document that is no feed are parse errors', () => {
    const broken = rssFeed(items).replace('</channel>', '');
    expect(() => sourceForBody(feed, broken, 'text/xml').parse(broken, feed)).toThrow(BridgeParseError);
    expect(() => bridgeSources.json_feed!.parse('{"items": []}', feed)).toThrow(BridgeParseError);
    expect(() => sourceForBody(feed, 'hello', 'text/plain')).toThrow(BridgeParseError);
  });
});

describe('hashtag and search sources', () => {
  it('mastodon: the tag timeline URL, statuses with HTML stripped and the account as author', () => {
    const target: BridgeTarget = {
      kind: 'mastodon',
      source: 'diabetes',
      instance: 'https://mastodon.example/',
    };
    expect(requestFor(target).url).toBe('https://mastodon.example/api/v1/timelines/tag/diabetes?limit=40');
    const out = bridgeSources.mastodon!.parse(mastodonStatuses(items), target);
    expect(out[0]!.summary).toBe('De herziene NHG-standaard beschrijft één nieuwe aanpak. #diabetes');
    expect(out[0]!.author).toBe('@alice@mastodon.example');
    expect(out[0]!.url).toBe('https://mastodon.example/@alice/nhg-2026-41');
  });

  it('bluesky: searchPosts on the AppView, post text and a bsky.app link', () => {
    const target: BridgeTarget = { kind: 'bluesky', source: '#diabetes', instance: null };
    expect(requestFor(target).url).toBe(
      'https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=%23diabetes&sort=latest&limit=50',
    );
    const out = bridgeSources.bluesky!.parse(blueskySearch(items), target);
    expect(out[1]!.summary).toBe('Updated thresholds for treatment.');
    expect(out[1]!.url).toBe('https://bsky.app/profile/carol.bsky.social/post/nhg-2026-40');
    expect(out[1]!.language).toBe('en');
    expect(() => bridgeSources.bluesky!.parse('{"cursor":"1"}', target)).toThrow(BridgeParseError);
  });
});
