import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommandHandler } from '../../bots/ward-command-handler.ts';
import { getSubscription, listSubscriptions } from '../../db/repositories/bridges.ts';
import { WardCommands } from '../../worker/commands/ward-commands.ts';
import { validateConfig } from '../../worker/load-config.ts';
import { ids, startBoth } from '../bots/discord/harness.ts';
import { type FakeFeedServer, startFeedServer } from '../fakes/feeds/server.ts';
import { slashCommand } from '../fakes/discord/interactions.ts';
import { snowflake, user } from '../fakes/discord/payloads.ts';
import { type Harness, startHarness } from '../support/ward-harness.ts';
import { auditEntries, serveTestFeeds } from './bridge-cmd-support.ts';

const config = () =>
  validateConfig({
    community: {
      id: 'test',
      name: 'Test',
      locale: 'en-GB',
      admin_channel: { platform: 'discord', id: ids.adminChannel },
    },
    channels: [{ platform: 'discord', id: ids.peerChannel, name: 'peer-support', space: 'peer_support' }],
    roles: { moderator: [ids.modRole], verified_clinician: [ids.clinicianRole] },
  });

type Who = 'moderator' | 'member';
const actor = (who: Who) => ({
  guildId: ids.guild,
  channelId: ids.peerChannel,
  actor: who === 'moderator' ? user(ids.moderator, 'mod') : user(ids.member, 'patient'),
  actorRoles: who === 'moderator' ? [ids.modRole] : [],
});

/**
 * INTERACTION_CREATE for `/ward bridge <sub>`: string options as the fake builds them, plus a channel option
 * (type 7) with its resolved channel, as Discord sends a channel picked in the client.
 */
function bridgeInteraction(who: Who, sub: string, strings: Record<string, string>, channelId?: string) {
  const data = slashCommand(actor(who), snowflake(), ['bridge', sub], strings);
  if (!channelId) return data;
  const leaf = data.data.options[0]!.options![0]! as {
    options: { type: number; name: string; value: string }[];
  };
  leaf.options.splice(1, 0, { type: 7, name: 'channel', value: channelId });
  const resolved = { channels: { [channelId]: { id: channelId, name: 'x', type: 0, permissions: '0' } } };
  return { ...data, data: { ...data.data, resolved } };
}

describe('/ward bridge in Discord (real discord.js, loopback Discord, Postgres, Redis)', () => {
  let h: Harness;
  let t: Awaited<ReturnType<typeof startBoth>>;
  let feeds: FakeFeedServer;

  /** Sends the interaction and returns Ward's private answer, checking it was deferred ephemerally. */
  async function ward(interaction: ReturnType<typeof bridgeInteraction>): Promise<string> {
    const i = t.fake.interact(interaction);
    const callback = await t.fake.rest.waitForCall(
      (c) => c.method === 'POST' && c.path === `/interactions/${i.id}/${i.token}/callback`,
    );
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await t.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.includes(i.token));
    return (edit.body as { content: string }).content;
  }

  beforeAll(async () => {
    feeds = await startFeedServer();
    serveTestFeeds(feeds);
    h = await startHarness('postgres', {
      config: config(),
      bridges: { enabled: false, allowPrivateNetworks: true },
    });
    t = await startBoth({
      ingest: h.runtime.ingest,
      config: () => h.runtime.community.current,
      commands: discordCommandHandler(new WardCommands(h.runtime, null, ['discord'])),
    });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await h?.close();
    await feeds?.close();
  });

  it('registers the bridge subcommands in the guild', async () => {
    const put = await t.fake.rest.waitForCall((c) => c.method === 'PUT');
    const ward = (
      put.body as { name: string; options: { name: string; options?: { name: string }[] }[] }[]
    )[0]!;
    const group = ward.options.find((o) => o.name === 'bridge');
    expect(group?.options?.map((o) => o.name)).toEqual(['add', 'list', 'pause', 'resume', 'remove']);
  });

  it('refuses a member, audited, and adds nothing', async () => {
    const answer = await ward(
      bridgeInteraction('member', 'add', { source: feeds.url('/feed.xml') }, ids.peerChannel),
    );
    expect(answer).toBe('Only moderators can manage bridges.');
    expect(await listSubscriptions(h.runtime.database.db, 'test')).toEqual([]);
    expect((await auditEntries(h)).filter((a) => a.action === 'bridge_command_refused')).toEqual([
      {
        actor: `discord:${ids.member}`,
        action: 'bridge_command_refused',
        subjectId: '*',
        detail: { verb: 'add' },
      },
    ]);
  });

  it('names a bad URL and a channel Ward does not know', async () => {
    expect(
      await ward(bridgeInteraction('moderator', 'add', { source: 'feed.example.org' }, ids.peerChannel)),
    ).toBe(
      'That source cannot be bridged: a source is a feed URL, #tag@mastodon.instance or bluesky:<query>.',
    );
    expect(
      await ward(bridgeInteraction('moderator', 'add', { source: feeds.url('/feed.xml') }, ids.adminChannel)),
    ).toBe(
      `#${ids.adminChannel} is not a channel in Ward's configuration. Bridges can post to: #peer-support.`,
    );
    expect(feeds.requests).toEqual([]);
  });

  it('a moderator adds an RSS bridge to the picked channel, lists, pauses and removes it', async () => {
    const feedUrl = feeds.url('/feed.xml');
    const added = await ward(
      bridgeInteraction(
        'moderator',
        'add',
        { source: feedUrl, filters: 'lang=en publisher="NICE"' },
        ids.peerChannel,
      ),
    );
    expect(added).toMatch(
      new RegExp(
        `^Bridge [0-9a-f]{8} added: ${feedUrl.replace(/\./g, '\\.')} → #peer-support\\. .*\\(2 items\\)`,
      ),
    );
    const [sub] = await listSubscriptions(h.runtime.database.db, 'test');
    expect(sub).toMatchObject({
      targetPlatform: 'discord',
      targetWorkspaceId: ids.guild,
      targetChannelId: ids.peerChannel,
      createdBy: `discord:${ids.moderator}`,
      settings: expect.objectContaining({
        filters: expect.objectContaining({ languages: ['en'] }),
        publisher: { name: 'NICE', type: 'news' },
      }),
    });
    const short = sub!.id.slice(0, 8);
    expect(await ward(bridgeInteraction('moderator', 'list', {}))).toBe(
      `Bridges (1):\n• ${short}  learning  ${feedUrl} → #peer-support`,
    );
    expect(await ward(bridgeInteraction('moderator', 'pause', { id: short }))).toMatch(
      new RegExp(`^Bridge ${short} is paused`),
    );
    expect((await getSubscription(h.runtime.database.db, sub!.id))!.state).toBe('paused');
    expect(await ward(bridgeInteraction('member', 'remove', { id: sub!.id }))).toBe(
      'Only moderators can manage bridges.',
    );
    expect(await ward(bridgeInteraction('moderator', 'remove', { id: short }))).toMatch(
      new RegExp(`^Bridge ${short} is removed`),
    );
    expect((await getSubscription(h.runtime.database.db, sub!.id))!.state).toBe('removed');
    expect(await ward(bridgeInteraction('moderator', 'list', {}))).toMatch(/^No bridges yet/);
    const trail = (await auditEntries(h))
      .filter((a) => a.subjectId === sub!.id)
      .map((a) => `${a.actor} ${a.action}`);
    expect(trail).toEqual([
      `discord:${ids.moderator} bridge_added`,
      `discord:${ids.moderator} bridge_paused`,
      `discord:${ids.member} bridge_command_refused`,
      `discord:${ids.moderator} bridge_removed`,
    ]);
  });
});
