import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeferredDelivery } from '../../../bots/deferred-delivery.ts';
import { type DiscordAdapter, startDiscordAdapter } from '../../../bots/discord/index.ts';
import { sql } from 'drizzle-orm';
import { effectsFor } from '../../../db/repositories/effects.ts';
import { getEscalation } from '../../../db/repositories/escalations.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import type { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { buttonPress } from '../../fakes/discord/interactions.ts';
import { snowflake, user } from '../../fakes/discord/payloads.ts';
import type { RecordedCall } from '../../fakes/discord/rest.ts';
import { type Harness, startHarness } from '../../support/ward-harness.ts';
import { ids, makeFake } from './harness.ts';

const INSULT = 'You are such a pathetic idiot, nobody cares about you.';

const discordConfig = () =>
  validateConfig({
    community: {
      id: 'test',
      name: 'Test',
      locale: 'en-GB',
      admin_channel: { platform: 'discord', id: ids.adminChannel },
    },
    channels: [{ platform: 'discord', id: ids.peerChannel, name: 'peer', space: 'peer_support' }],
    roles: { moderator: [ids.modRole] },
    moderation: { timeout_minutes: 90 },
  });

type CardBody = {
  components: { components: { custom_id: string; label?: string }[] }[];
  embeds: { fields: { name: string; value: string }[] }[];
};

const buttonsOf = (body: unknown) => (body as CardBody).components.flatMap((r) => r.components);
const contextOf = (body: unknown) =>
  (body as CardBody).embeds[0]?.fields.find((f) => f.name === 'Context')?.value ?? '';
const isCardPost = (c: RecordedCall) =>
  c.method === 'POST' && c.path === `/channels/${ids.adminChannel}/messages`;
const memberPatch = (memberId: string) => (c: RecordedCall) =>
  c.method === 'PATCH' && c.path === `/guilds/${ids.guild}/members/${memberId}`;

describe('adapter gaps: Discord timeouts confirmed by a moderator (real discord.js, Redis, Postgres)', () => {
  let fake: FakeDiscord;
  let h: Harness;
  let adapter: DiscordAdapter;
  const moderator = {
    guildId: ids.guild,
    channelId: ids.adminChannel,
    actor: user(ids.moderator, 'mod'),
    actorRoles: [ids.modRole],
  };

  beforeAll(async () => {
    fake = await makeFake().start();
    const delivery = createDeferredDelivery('discord');
    h = await startHarness('postgres', { config: discordConfig(), deliveries: [delivery] });
    adapter = await startDiscordAdapter({
      ingest: h.runtime.ingest,
      config: () => h.runtime.community.current,
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
      },
    });
    delivery.resolve(adapter.delivery);
  });
  afterAll(async () => {
    await adapter?.stop();
    await h?.close();
    await fake?.stop();
  });

  /** Posts an insult from `authorId` and returns its card post and the card's timeout button. */
  async function insultCard(authorId: string) {
    fake.postMessage({ channelId: ids.peerChannel, authorId, content: INSULT });
    const posted = await fake.rest.waitForCall(
      (c) => isCardPost(c) && JSON.stringify(c.body).includes(`by <@${authorId}>`),
    );
    const button = buttonsOf(posted.body).find((b) => b.custom_id.startsWith('ward:timeout_member:'));
    return { posted, button, cardId: (posted.response as { id: string }).id };
  }

  function press(customId: string, posted: RecordedCall, who = moderator) {
    return fake.interact(buttonPress(who, customId, { ...(posted.response as object), guild_id: ids.guild }));
  }

  it('a boundary card offers "Time out"; a member is refused; a moderator’s press times the author out', async () => {
    const { posted, button, cardId } = await insultCard(ids.member);
    expect(button?.label).toBe('Time out 90 min');
    const escalationId = button!.custom_id.split(':')[2]!;

    // Someone without a moderator role: a private refusal, recorded, and nothing sent to Discord.
    const stranger = { ...moderator, actor: user(ids.member2, 'caregiver'), actorRoles: [] };
    const refused = press(button!.custom_id, posted, stranger);
    const followUp = await fake.rest.waitForCall(
      (c) => c.method === 'POST' && c.path.startsWith(`/webhooks/${fake.applicationId}/${refused.token}`),
    );
    expect(JSON.stringify(followUp.body)).toContain('Only moderators');

    const before = Date.now();
    const confirmed = press(button!.custom_id, posted);
    const patch = await fake.rest.waitForCall(memberPatch(ids.member));
    const after = Date.now();
    expect(patch.status).toBe(200);
    const until = Date.parse(
      (patch.body as { communication_disabled_until: string }).communication_disabled_until,
    );
    expect(until).toBeGreaterThanOrEqual(before + 90 * 60_000);
    expect(until).toBeLessThanOrEqual(after + 90 * 60_000);
    expect(fake.rest.timeouts.get(ids.member)).toBeDefined();
    // Discord's audit log gets ids and the finding code, never the message.
    const reason = decodeURIComponent(String(patch.headers['x-audit-log-reason']));
    expect(reason).toContain('boundary.harassment');
    expect(reason).not.toContain('idiot');
    expect(fake.rest.callsTo('PATCH', /\/members\//).filter(memberPatch(ids.member))).toHaveLength(1);

    // The presser hears privately that it was requested.
    const note = await fake.rest.waitForCall(
      (c) => c.method === 'POST' && c.path.startsWith(`/webhooks/${fake.applicationId}/${confirmed.token}`),
    );
    expect(JSON.stringify(note.body)).toContain('90 min requested');

    // The card says the timeout was applied and no longer offers it.
    const updated = await fake.rest.waitForCall(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/channels/${ids.adminChannel}/messages/${cardId}` &&
        contextOf(c.body).includes('Timeout applied'),
    );
    expect(contextOf(updated.body)).toContain('90 min');
    expect(contextOf(updated.body)).toContain(`discord:${ids.moderator}`);
    expect(buttonsOf(updated.body).some((b) => b.custom_id.startsWith('ward:timeout_member:'))).toBe(false);

    // Audited with the duration and code; no text.
    const audit = (await auditOf(escalationId)).filter((r) => r.action === 'timeout_member');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe(`discord:${ids.moderator}`);
    expect(audit[0]!.detail).toEqual({ minutes: 90, reasonCode: 'boundary.harassment' });
    expect(JSON.stringify(audit)).not.toContain('idiot');
  });

  it('a second press is answered as a conflict and sends no second timeout', async () => {
    const posted = fake.rest.calls.find(
      (c) => isCardPost(c) && JSON.stringify(c.body).includes(`by <@${ids.member}>`),
    )!;
    const button = buttonsOf(posted.body).find((b) => b.custom_id.startsWith('ward:timeout_member:'))!;
    const again = press(button.custom_id, posted);
    const answer = await fake.rest.waitForCall(
      (c) => c.method === 'POST' && c.path.startsWith(`/webhooks/${fake.applicationId}/${again.token}`),
    );
    expect(JSON.stringify(answer.body)).toContain('already applied or requested');
    expect(fake.rest.calls.filter(memberPatch(ids.member))).toHaveLength(1);
  });

  it('Discord refuses (403): the effect fails with a code and moderators get an alert', async () => {
    const author = snowflake();
    const { posted, button } = await insultCard(author);
    fake.rest.fail({
      method: 'PATCH',
      path: new RegExp(`^/guilds/${ids.guild}/members/${author}$`),
      status: 403,
    });
    press(button!.custom_id, posted);
    const alert = await fake.rest.waitForCall(
      (c) => isCardPost(c) && JSON.stringify(c.body).includes('could not time out a member'),
    );
    expect(JSON.stringify(alert.body)).toContain('Moderate Members');
    const refused = fake.rest.calls.filter(memberPatch(author));
    expect(refused.map((c) => c.status)).toEqual([403]);
    const escalationId = button!.custom_id.split(':')[2]!;
    const rows = await timeoutEffects(escalationId);
    expect(rows.map((e) => [e.state, e.lastErrorCode])).toEqual([['failed', 'platform_permission']]);
    expect(fake.rest.timeouts.has(author)).toBe(false);
  });

  async function timeoutEffects(escalationId: string) {
    const e = await getEscalation(h.runtime.database.db, escalationId);
    return (await effectsFor(h.runtime.database.db, e!.messageId!)).filter(
      (x) => x.kind === 'timeout_member',
    );
  }

  async function auditOf(escalationId: string) {
    const result = await h.runtime.database.db.execute(
      sql`select actor, action, detail from audit_log where subject_id = ${escalationId} order by seq`,
    );
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      actor: string;
      action: string;
      detail: unknown;
    }[];
  }
});
