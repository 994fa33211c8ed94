import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeCommandLine, commandDefinitions } from '../../bots/discord/commands.ts';
import { parseWardCommand } from '../../bots/slack/command-parse.ts';
import { parseBridgeCommand } from '../../worker/bridges/command-args.ts';
import { DEFAULT_FETCH_OPTIONS } from '../../worker/bridges/http-fetch.ts';
import { parseSourceSpec } from '../../worker/bridges/parse-source.ts';
import type { BridgeProblem, BridgeProblemCode } from '../../worker/commands/bridge-outcome.ts';
import { probeSource } from '../../worker/commands/bridge-probe.ts';
import { formatBridgeOutcome } from '../../worker/commands/bridge-replies.ts';
import { en, nl } from '../../worker/commands/bridge-texts.ts';
import { rssFeed } from '../fakes/feeds/fixtures.ts';
import { type FakeFeedServer, startFeedServer } from '../fakes/feeds/server.ts';

/** A reader over plain option values, shaped like discord.js's resolver. */
const options = (values: Record<string, string>) => ({
  getString: (name: string) => values[name] ?? null,
  get: (name: string) => (name in values ? { value: values[name] } : null),
});

describe('Slack /ward bridge parsing', () => {
  it('hands the words after `bridge` to the worker with Slack markup undone, channel mentions kept', () => {
    const parsed = parseWardCommand(
      'Bridge add <https://example.org/feed?a=1&amp;b=2|example.org/feed> <#C123|peer> include=“long covid”',
    );
    expect(parsed).toEqual({
      ok: true,
      command: {
        kind: 'bridge',
        text: 'add https://example.org/feed?a=1&b=2 <#C123|peer> include="long covid"',
      },
    });
    if (!parsed.ok || parsed.command.kind !== 'bridge') throw new Error('not a bridge command');
    expect(parseBridgeCommand(parsed.command.text)).toEqual({
      verb: 'add',
      source: 'https://example.org/feed?a=1&b=2',
      channel: '<#C123|peer>',
      settings: { filters: { include: ['long covid'] } },
    });
  });

  it('passes an empty or partial bridge command on, so the worker answers with its usage', () => {
    expect(parseWardCommand('bridge')).toEqual({ ok: true, command: { kind: 'bridge', text: '' } });
    expect(parseWardCommand(' bridge   list ')).toEqual({
      ok: true,
      command: { kind: 'bridge', text: 'list' },
    });
  });
});

describe('Discord /ward bridge translation', () => {
  it('builds the same command line as Slack from options, quoting a source with spaces', () => {
    const line = bridgeCommandLine(
      'add',
      options({ source: 'bluesky:"long covid"', channel: '1234567890', filters: 'lang=en,nl rate=4' }),
    );
    expect(line).toBe('add "bluesky:long covid" <#1234567890> lang=en,nl rate=4');
    expect(parseBridgeCommand(line)).toEqual({
      verb: 'add',
      source: 'bluesky:long covid',
      channel: '<#1234567890>',
      settings: { filters: { languages: ['en', 'nl'] }, rate_per_hour: 4 },
    });
    expect(bridgeCommandLine('pause', options({ id: 'a1b2c3d4' }))).toBe('pause a1b2c3d4');
    expect(bridgeCommandLine('list', options({}))).toBe('list');
  });

  it('registers a bridge group with add (source, channel option, filters), list, pause, resume, remove', () => {
    const ward = commandDefinitions().find((c) => c.name === 'ward') as {
      options: {
        name: string;
        type: number;
        options?: { name: string; type: number; options?: unknown[] }[];
      }[];
    };
    const group = ward.options.find((o) => o.name === 'bridge')!;
    expect(group.type).toBe(ApplicationCommandOptionType.SubcommandGroup);
    expect(group.options!.map((o) => o.name)).toEqual(['add', 'list', 'pause', 'resume', 'remove']);
    const add = group.options![0]!.options as { name: string; type: number; required?: boolean }[];
    expect(add.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ['source', ApplicationCommandOptionType.String, true],
      ['channel', ApplicationCommandOptionType.Channel, true],
      ['filters', ApplicationCommandOptionType.String, false],
    ]);
    // Discord rejects the whole registration when a name or description breaks its limits.
    const walk = (o: { name: string; description?: string; options?: unknown[] }): void => {
      expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      if (o.description) expect(o.description.length).toBeLessThanOrEqual(100);
      for (const d of Object.values(
        (o as { description_localizations?: object }).description_localizations ?? {},
      ))
        expect(String(d).length).toBeLessThanOrEqual(100);
      for (const child of (o.options ?? []) as (typeof o)[]) walk(child);
    };
    walk(group as Parameters<typeof walk>[0]);
  });
});

describe('bridge replies in English and Dutch', () => {
  const problems: BridgeProblem[] = (
    [
      'usage',
      'bad_regex',
      'not_a_feed',
      'private_address',
      'bad_url',
      'unknown_option',
      'bad_source',
      'unknown_channel',
      'bad_settings',
      'no_bridge',
      'ambiguous_id',
      'config_bridge',
      'http_status',
      'unreachable',
    ] satisfies BridgeProblemCode[]
  ).map((code) => ({ code, detail: 'x' }) as BridgeProblem);

  it('word every problem in both languages, differently', () => {
    expect(Object.keys(nl.problems).sort()).toEqual(Object.keys(en.problems).sort());
    expect(Object.keys(en.problems)).toHaveLength(problems.length);
    for (const problem of problems) {
      const english = formatBridgeOutcome({ kind: 'problem', problem }, { locale: 'en-GB', channels: [] });
      const dutch = formatBridgeOutcome({ kind: 'problem', problem }, { locale: 'nl-NL', channels: [] });
      expect(english.length, problem.code).toBeGreaterThan(10);
      if (problem.code !== 'usage') expect(dutch, problem.code).not.toBe(english);
    }
    expect(formatBridgeOutcome({ kind: 'refused' }, { locale: 'nl', channels: [] })).toMatch(
      /Alleen moderatoren/,
    );
  });

  it('has a Dutch wording for every reason the source registry gives', () => {
    const bad = [
      'ftp://example.org/feed',
      'not a url',
      '#diabetes',
      '#dia-betes@mastodon.social',
      'bluesky:x@https://[x',
    ];
    const reasons = bad.map((s) => parseSourceSpec(s)).flatMap((r) => ('error' in r ? [r.error] : []));
    expect(reasons.length).toBeGreaterThanOrEqual(4);
    for (const reason of reasons) expect(nl.sourceReasons[reason], reason).toBeTypeOf('string');
  });

  it('names the channels a bridge can post to when the channel is unknown', () => {
    const text = formatBridgeOutcome(
      { kind: 'problem', problem: { code: 'unknown_channel', detail: '#nope' } },
      {
        locale: 'en',
        channels: [
          { platform: 'slack', id: 'C1', name: 'peer', space: 'peer_support', shadow: false, policies: {} },
          { platform: 'bridge', id: 'b', space: 'general', shadow: false, policies: {} },
        ],
      },
    );
    expect(text).toBe("#nope is not a channel in Ward's configuration. Bridges can post to: #peer.");
  });
});

describe('probing a new source', () => {
  let feeds: FakeFeedServer;
  beforeAll(async () => {
    feeds = await startFeedServer();
    feeds.set('/feed.xml', {
      body: rssFeed([
        { id: 'a', title: 'T', summary: 'S', url: 'https://e.org/a', date: '2026-11-20T10:00:00Z' },
      ]),
    });
    feeds.set('/page.html', {
      body: '<!doctype html><html><body>Welcome</body></html>',
      contentType: 'text/html',
    });
    feeds.set('/gone.xml', { body: 'gone', status: 410 });
  });
  afterAll(() => feeds?.close());

  const feed = (path: string) => ({ kind: 'feed' as const, source: feeds.url(path), instance: null });
  const loopback = { ...DEFAULT_FETCH_OPTIONS, allowPrivate: true, timeoutMs: 5000 };

  it('reads a feed with the source registry and counts its items', async () => {
    expect(await probeSource(feed('/feed.xml'), loopback)).toEqual({ items: 1 });
  });

  it('names what is wrong: not a feed, an HTTP status, a private address', async () => {
    expect(await probeSource(feed('/page.html'), loopback)).toEqual({ code: 'not_a_feed' });
    expect(await probeSource(feed('/gone.xml'), loopback)).toEqual({ code: 'http_status', detail: '410' });
    expect(await probeSource(feed('/feed.xml'), DEFAULT_FETCH_OPTIONS)).toEqual({ code: 'private_address' });
    expect(feeds.requests.filter((r) => r.path === '/feed.xml')).toHaveLength(1);
  });
});
