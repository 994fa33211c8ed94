import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../bots/slack/index.ts';
import { slackCommandHandler } from '../../bots/ward-command-handler.ts';
import { getSubscription, listSubscriptions } from '../../db/repositories/bridges.ts';
import { pollSubscription } from '../../worker/bridges/poll.ts';
import { WardCommands } from '../../worker/commands/ward-commands.ts';
import { validateConfig } from '../../worker/load-config.ts';
import { type FakeFeedServer, startFeedServer } from '../fakes/feeds/server.ts';
import { slashCommand } from '../fakes/slack/payloads.ts';
import { FakeSocketModeServer } from '../fakes/slack/socket-mode-server.ts';
import { FakeSlackWebApi } from '../fakes/slack/web-api-server.ts';
import { type Harness, startHarness } from '../support/ward-harness.ts';
import { APP_TOKEN, BOT_TOKEN } from '../bots/slack/support.ts';
import { auditEntries, serveTestFeeds } from './bridge-cmd-support.ts';
import { bridgeDeps, testClock } from './support.ts';

const config = (locale = 'en-GB') =>
  validateConfig({
    community: { id: 'test', name: 'Test', locale, admin_channel: { platform: 'slack', id: 'CADMIN' } },
    channels: [
      { platform: 'slack', id: 'CPEER', name: 'peer-support', space: 'peer_support' },
      // No name: only a mention (by id) can name it.
      { platform: 'slack', id: 'CGEN', space: 'general' },
    ],
    roles: { moderator: ['SMODS'], verified_clinician: ['slack:UDOC'] },
  });

const fromMrkdwn = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('/ward bridge in Slack (real Bolt, Socket Mode fake, Postgres, Redis)', () => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketModeServer;
  let h: Harness;
  let slack: SlackAdapter;
  let feeds: FakeFeedServer;
  let feedUrl: string;
  let bridgeId: string;
  let seq = 0;

  /** Runs `/ward <text>` as `user` and returns Ward's private answer. */
  async function ward(user: string, text: string): Promise<string> {
    const path = `/response/${++seq}`;
    await socket.push(
      'slash_commands',
      slashCommand({ user, channel: 'CPEER', text, responseUrl: `${api.origin}${path}` }),
    );
    await api.waitFor(() => api.responses.some((r) => r.path === path), 20_000);
    const body = api.responses.find((r) => r.path === path)!.body;
    expect(body.response_type).toBe('ephemeral');
    return fromMrkdwn(String(body.text));
  }
  const live = () => listSubscriptions(h.runtime.database.db, 'test');

  beforeAll(async () => {
    feeds = await startFeedServer();
    serveTestFeeds(feeds);
    feedUrl = feeds.url('/feed.xml');
    api = await FakeSlackWebApi.start({
      [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
      [APP_TOKEN]: { team_id: 'T1', user_id: 'UBOT' },
    });
    api.setGroupMembers('SMODS', ['UMOD']);
    socket = await FakeSocketModeServer.start();
    api.socketUrl = socket.url;
    h = await startHarness('postgres', {
      config: config(),
      bridges: { enabled: false, allowPrivateNetworks: true },
    });
    slack = await startSlackAdapter({
      ingest: h.runtime.ingest,
      config: config(),
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.url },
      logger: pino({ level: 'silent' }),
      commands: slackCommandHandler(new WardCommands(h.runtime, null, ['slack'])),
    });
  }, 120_000);
  afterAll(async () => {
    await slack?.stop();
    await h?.close();
    await socket?.close();
    await api?.close();
    await feeds?.close();
  });

  it('refuses members and verified clinicians, and audits each refusal', async () => {
    expect(await ward('UMEMBER', `bridge add <${feedUrl}> <#CPEER|peer-support>`)).toBe(
      'Only moderators can manage bridges.',
    );
    expect(await ward('UDOC', 'bridge list')).toBe('Only moderators can manage bridges.');
    expect(await live()).toEqual([]);
    expect(feeds.requests).toEqual([]);
    const refusals = (await auditEntries(h)).filter((a) => a.action === 'bridge_command_refused');
    expect(refusals).toEqual([
      { actor: 'slack:UMEMBER', action: 'bridge_command_refused', subjectId: '*', detail: { verb: 'add' } },
      { actor: 'slack:UDOC', action: 'bridge_command_refused', subjectId: '*', detail: { verb: 'list' } },
    ]);
  });

  it('names what is wrong with a bad URL, a page that is no feed, a missing feed, a channel or an option', async () => {
    expect(await ward('UMOD', 'bridge add ftp://example.org/feed.xml <#CPEER|peer-support>')).toBe(
      'That source cannot be bridged: only http and https feeds.',
    );
    expect(await ward('UMOD', 'bridge add www.example.org/feed <#CPEER|peer-support>')).toBe(
      'That source cannot be bridged: a source is a feed URL, #tag@mastodon.instance or bluesky:<query>.',
    );
    expect(await ward('UMOD', `bridge add <${feeds.url('/page.html')}> <#CPEER|peer-support>`)).toMatch(
      /^That address answered, but not with a feed Ward can read/,
    );
    expect(await ward('UMOD', `bridge add <${feeds.url('/missing.xml')}> <#CPEER|peer-support>`)).toBe(
      'The source answered with HTTP 404; check the address.',
    );
    expect(await ward('UMOD', `bridge add <${feedUrl}> <#CNOPE|random>`)).toBe(
      "#random is not a channel in Ward's configuration. Bridges can post to: #peer-support, #CGEN.",
    );
    expect(await ward('UMOD', `bridge add <${feedUrl}> <#CPEER|peer-support> colour=blue`)).toMatch(
      /^Unknown option "colour"\. Options: include=/,
    );
    expect(await ward('UMOD', `bridge add <${feedUrl}> <#CPEER|peer-support> rate=fast quality=gossip`)).toBe(
      'These options have an invalid value: quality, rate.',
    );
    expect(await ward('UMOD', 'bridge frobnicate')).toMatch(/^Usage:\n• \/ward bridge add/);
    expect(await live()).toEqual([]);
  });

  it('a moderator adds an RSS bridge into the mentioned channel; it is probed, stored and audited', async () => {
    const answer = await ward(
      'UMOD',
      `bridge add <${feedUrl}> <#CPEER|peer-support> include=insulin,asthma rate=4`,
    );
    const m =
      /^Bridge ([0-9a-f]{8}) added: (\S+) → #peer-support\. It first learns what the source has now \(2 items\)/.exec(
        answer,
      );
    expect(m, answer).not.toBeNull();
    expect(m![2]).toBe(feedUrl);
    const [sub] = await live();
    expect(sub!.id.startsWith(m![1]!)).toBe(true);
    bridgeId = sub!.id;
    expect(sub).toMatchObject({
      kind: 'feed',
      source: feedUrl,
      targetPlatform: 'slack',
      targetWorkspaceId: 'T1',
      targetChannelId: 'CPEER',
      state: 'learning',
      origin: 'command',
      createdBy: 'slack:UMOD',
      settings: expect.objectContaining({
        filters: expect.objectContaining({ include: ['insulin', 'asthma'] }),
        rate_per_hour: 4,
      }),
    });
    expect(feeds.requests.filter((r) => r.path === '/feed.xml')).toHaveLength(1);
    expect((await auditEntries(h)).filter((a) => a.action === 'bridge_added')).toEqual([
      { actor: 'slack:UMOD', action: 'bridge_added', subjectId: bridgeId, detail: {} },
    ]);
    expect(await ward('UMOD', `bridge add <${feedUrl}> <#CPEER|peer-support>`)).toBe(
      `That bridge exists already: ${m![1]} (learning).`,
    );
    // A channel configured without a name is found by the id in Slack's mention.
    expect(await ward('UMOD', `bridge add <${feedUrl}> <#CGEN>`)).toMatch(
      /^Bridge [0-9a-f]{8} added: .* → #CGEN\./,
    );
  });

  it('list shows both bridges; after the first poll the new one is active', async () => {
    expect((await pollSubscription(bridgeDeps(h, testClock()), bridgeId)).outcome).toBe('learned');
    const list = await ward('UMOD', 'bridge list');
    const short = bridgeId.slice(0, 8);
    expect(list.split('\n')[0]).toBe('Bridges (2):');
    expect(list).toContain(`• ${short}  active  ${feedUrl} → #peer-support`);
    expect(list).toMatch(/• [0-9a-f]{8} {2}learning {2}\S+ → #CGEN/);
  });

  it('pause, resume and remove by the listed id, each audited', async () => {
    const short = bridgeId.slice(0, 8);
    expect(await ward('UMOD', `bridge pause ${short}`)).toBe(
      `Bridge ${short} is paused; nothing is lost. /ward bridge resume ${short} starts it again.`,
    );
    expect(await getSubscription(h.runtime.database.db, bridgeId)).toMatchObject({
      state: 'paused',
      pausedReason: 'moderator',
    });
    expect(await ward('UMOD', 'bridge list')).toContain(`• ${short}  paused by a moderator  ${feedUrl}`);
    expect(await ward('UMOD', `bridge resume ${short}`)).toBe(`Bridge ${short} runs again (active).`);
    expect(await ward('UMOD', `bridge remove ${bridgeId}`)).toMatch(
      new RegExp(`^Bridge ${short} is removed\\.`),
    );
    expect((await getSubscription(h.runtime.database.db, bridgeId))!.state).toBe('removed');
    expect(await ward('UMOD', 'bridge list')).not.toContain(short);
    expect(await ward('UMOD', `bridge pause ${short}`)).toBe(
      `There is no bridge "${short}". /ward bridge list shows the ids.`,
    );
    const actions = (await auditEntries(h))
      .filter((a) => a.subjectId === bridgeId)
      .map((a) => `${a.actor} ${a.action}`);
    expect(actions).toEqual([
      'slack:UMOD bridge_added',
      'slack:UMOD bridge_paused',
      'slack:UMOD bridge_resumed',
      'slack:UMOD bridge_removed',
    ]);
  });

  it('answers in Dutch when the community’s locale is Dutch', async () => {
    h.runtime.community.replace(config('nl-NL'));
    try {
      expect(await ward('UMEMBER', 'bridge list')).toBe(
        'Alleen moderatoren kunnen koppelingen (bridges) beheren.',
      );
      expect(await ward('UMOD', 'bridge add ftp://example.org/feed.xml <#CPEER|peer-support>')).toBe(
        'Die bron kan Ward niet koppelen: alleen http- en https-feeds.',
      );
      expect(await ward('UMOD', 'bridge list')).toMatch(/^Koppelingen \(1\):\n• [0-9a-f]{8} {2}lerend /);
    } finally {
      h.runtime.community.replace(config());
    }
  });
});
