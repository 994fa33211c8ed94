import { describe, expect, it } from 'vitest';
import type { BridgeItem } from '../../bots/bridges/contract.ts';
import { isBlockedAddress } from '../../worker/bridges/address-guard.ts';
import { parseBridgeCommand } from '../../worker/bridges/command-args.ts';
import { compileFilters } from '../../worker/bridges/filters.ts';
import { itemKeys } from '../../worker/bridges/item-keys.ts';
import { normalizeUrl } from '../../worker/bridges/normalize-url.ts';
import { parseSourceSpec } from '../../worker/bridges/parse-source.ts';
import { bridgeSettings } from '../../worker/bridges/settings.ts';

const base: BridgeItem = {
  guid: null,
  url: 'https://www.Example.org/news/123/?utm_source=rss&id=7&fbclid=abc#top',
  title: 'Nieuwe NHG-standaard Diabetes',
  summary: 'De standaard is herzien voor volwassenen.',
  author: 'NHG',
  publishedAt: new Date('2026-11-20T10:00:00Z'),
  updatedAt: null,
  language: 'nl',
};
const mac = (t: string) => `mac(${t})`;

describe('dedupe keys', () => {
  it('normalises links: tracking parameters, www, scheme, fragment and trailing slash do not count', () => {
    expect(normalizeUrl(base.url!)).toBe('https://example.org/news/123?id=7');
    expect(normalizeUrl('http://example.org/news/123?id=7')).toBe('https://example.org/news/123?id=7');
    expect(normalizeUrl('ftp://example.org/x')).toBeNull();
  });

  it('a changed date keeps every key; a changed title changes the body hash only', () => {
    const k = itemKeys(base, mac);
    expect(itemKeys({ ...base, publishedAt: new Date() }, mac)).toEqual(k);
    const edited = itemKeys({ ...base, title: 'Nieuwe NHG-standaard Diabetes type 2' }, mac);
    expect(edited.keyHash).toBe(k.keyHash);
    expect(edited.bodyHash).not.toBe(k.bodyHash);
  });

  it('the same title from another source shares the content hash (case and punctuation aside)', () => {
    const other = itemKeys(
      { ...base, guid: 'x-1', url: 'https://other.example/a', title: 'nieuwe NHG standaard: diabetes!' },
      mac,
    );
    expect(other.contentHash).toBe(itemKeys(base, mac).contentHash);
    expect(other.keyHash).not.toBe(itemKeys(base, mac).keyHash);
  });
});

describe('filters', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  const run = (filters: Record<string, unknown>, item: Partial<BridgeItem> = {}, extra = {}) =>
    compileFilters(bridgeSettings({ filters, ...extra })).test({ ...base, ...item }, 'news', now);

  it('include, exclude, language, quality and age', () => {
    expect(run({ include: ['diabetes'] }).pass).toBe(true);
    expect(run({ include: ['astma'] })).toEqual({ pass: false, reason: 'include' });
    expect(run({ exclude: ['volwassenen'] })).toEqual({ pass: false, reason: 'exclude' });
    expect(run({ languages: ['en'] })).toEqual({ pass: false, reason: 'language' });
    expect(run({ min_quality: 'guideline' })).toEqual({ pass: false, reason: 'quality' });
    expect(run({}, { publishedAt: new Date('2026-11-01T00:00:00Z') })).toEqual({
      pass: false,
      reason: 'too_old',
    });
  });

  it('regexes run on RE2 (linear time) and refuse back-references', () => {
    expect(run({ regex: 'standaard\\s+(diabetes|astma)' }).pass).toBe(true);
    expect(run({ regex: '^(a+)+$' })).toEqual({ pass: false, reason: 'regex' });
    expect(() => run({ regex: '(a)\\1' })).toThrow();
  });
});

describe('sources and commands', () => {
  it('reads feed URLs, Mastodon hashtags and Bluesky queries', () => {
    expect(parseSourceSpec('https://richtlijnen.nhg.org/feed')).toEqual({
      kind: 'feed',
      source: 'https://richtlijnen.nhg.org/feed',
      instance: null,
    });
    expect(parseSourceSpec('#diabetes@mastodon.social')).toEqual({
      kind: 'mastodon',
      source: 'diabetes',
      instance: 'https://mastodon.social',
    });
    expect(parseSourceSpec('https://mastodon.social/tags/longcovid')).toMatchObject({
      kind: 'mastodon',
      source: 'longcovid',
    });
    expect(parseSourceSpec('#migraine@bsky.app')).toMatchObject({ kind: 'bluesky', source: '#migraine' });
    expect(parseSourceSpec('bluesky:long covid')).toMatchObject({ kind: 'bluesky', source: 'long covid' });
    expect(parseSourceSpec('#diabetes')).toHaveProperty('error');
    expect(parseSourceSpec('file:///etc/passwd')).toHaveProperty('error');
  });

  it('parses /ward bridge add with options, and the other verbs', () => {
    expect(
      parseBridgeCommand(
        'add https://x.example/feed #peer include=insulin,pump lang=nl rate=3 publisher="NHG richtlijnen" publisher_type=guideline',
      ),
    ).toEqual({
      verb: 'add',
      source: 'https://x.example/feed',
      channel: '#peer',
      settings: {
        filters: { include: ['insulin', 'pump'], languages: ['nl'] },
        rate_per_hour: 3,
        publisher: { name: 'NHG richtlijnen', type: 'guideline' },
      },
    });
    expect(parseBridgeCommand('pause 123')).toEqual({ verb: 'pause', id: '123' });
    expect(parseBridgeCommand('list')).toEqual({ verb: 'list' });
    expect(parseBridgeCommand('add x')).toHaveProperty('error');
    expect(parseBridgeCommand('add https://x.example/feed #peer colour=red')).toHaveProperty('error');
  });
});

describe('address guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.8', true],
    ['172.20.1.1', true],
    ['192.168.0.10', true],
    ['169.254.169.254', true],
    ['100.64.1.1', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
  ])('%s blocked: %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });
});
