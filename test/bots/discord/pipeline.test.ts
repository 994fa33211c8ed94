import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryReceipt, OutboundEffect, PlatformDelivery } from '../../../bots/contract.ts';
import { type DiscordAdapter, startDiscordAdapter } from '../../../bots/discord/index.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import type { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { buttonPress } from '../../fakes/discord/interactions.ts';
import { user } from '../../fakes/discord/payloads.ts';
import type { RecordedCall } from '../../fakes/discord/rest.ts';
import { type Harness, startHarness } from '../../support/ward-harness.ts';
import { ids, makeFake } from './harness.ts';

/** The runtime wants its deliveries at start; the adapter wants the runtime's ingest: this breaks the cycle. */
function lateDelivery(): PlatformDelivery & { bind(d: PlatformDelivery): void } {
  let bind!: (d: PlatformDelivery) => void;
  const ready = new Promise<PlatformDelivery>((resolve) => {
    bind = resolve;
  });
  return {
    platform: 'discord',
    deliver: async (effect: OutboundEffect): Promise<DeliveryReceipt> => (await ready).deliver(effect),
    bind,
  };
}

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
    routing: { default: { group: ids.modRole } },
  });

const isPost = (channelId: string) => (c: RecordedCall) =>
  c.method === 'POST' && c.path === `/channels/${channelId}/messages`;

describe('Discord through the whole pipeline (real Redis + Postgres)', () => {
  let fake: FakeDiscord;
  let h: Harness;
  let adapter: DiscordAdapter;
  beforeAll(async () => {
    fake = await makeFake().start();
    const delivery = lateDelivery();
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
    delivery.bind(adapter.delivery);
  });
  afterAll(async () => {
    await adapter?.stop();
    await h?.close();
    await fake?.stop();
  });

  it('deletes a post with a phone number and DMs the author a redacted copy', async () => {
    const posted = fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member,
      content: 'Text me on 06 12 34 56 78 tonight',
    });
    const deleted = await fake.rest.waitForCall(
      (c) => c.method === 'DELETE' && c.path === `/channels/${ids.peerChannel}/messages/${posted.id}`,
    );
    expect(deleted.status).toBe(204);
    const opened = await fake.rest.waitForCall(
      (c) => c.method === 'POST' && c.path === '/users/@me/channels',
    );
    expect(opened.body).toEqual({ recipient_id: ids.member });
    const dmChannel = (opened.response as { id: string }).id;
    // Other policies may DM too (e.g. about off-platform contact); the PII notice is the one with the placeholder.
    const dm = await fake.rest.waitForCall(
      (c) => isPost(dmChannel)(c) && JSON.stringify(c.body).includes('[PHONE]'),
    );
    expect((dm.body as { content: string }).content).toContain('[PHONE]');
    const dms = fake.rest.calls.filter(isPost(dmChannel)).map((c) => (c.body as { content: string }).content);
    expect(dms.filter((t) => /12 34 56 78|12345678/.test(t))).toEqual([]);
    expect(fake.rest.calls.filter((c) => JSON.stringify(c.body ?? '').includes('56 78'))).toEqual([]);
  });

  it('re-evaluates an edit into a violation, and a 429 on the delete only delays it', async () => {
    // Another author: this one has no open escalation from the tests above to merge into.
    const posted = fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member2,
      content: 'Thanks all, feeling better',
    });
    const route = `/channels/${ids.peerChannel}/messages/${posted.id}`;
    fake.rest.fail({
      method: 'DELETE',
      path: new RegExp(`^${route}$`),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
      headers: { 'retry-after': '0.2' },
    });
    fake.editMessage(posted.id, 'Thanks all, call me on 06 98 76 54 32');
    const deleted = await fake.rest.waitForCall(
      (c) => c.method === 'DELETE' && c.path === route && c.status === 204,
    );
    expect(fake.rest.callsTo('DELETE', new RegExp(`^${route}$`)).map((c) => c.status)).toEqual([429, 204]);
    expect(deleted).toBeDefined();
  });

  it('posts an urgent card for crisis language; a moderator’s claim button updates it', async () => {
    fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member,
      content: 'I want to kill myself tonight, I have the pills ready',
    });
    const posted = await fake.rest.waitForCall(isPost(ids.adminChannel));
    const body = posted.body as { content: string; components: { components: { custom_id: string }[] }[] };
    expect(body.content).toContain(`<@&${ids.modRole}>`);
    const claim = body.components
      .flatMap((r) => r.components)
      .find((c) => c.custom_id.startsWith('ward:claim:'));
    expect(claim).toBeDefined();
    const cardId = (posted.response as { id: string }).id;
    const mod = {
      guildId: ids.guild,
      channelId: ids.adminChannel,
      actor: user(ids.moderator, 'mod'),
      actorRoles: [ids.modRole],
    };
    const press = fake.interact(
      buttonPress(mod, claim!.custom_id, { ...(posted.response as object), guild_id: ids.guild }),
    );
    const ack = await fake.rest.waitForCall(
      (c) => c.path === `/interactions/${press.id}/${press.token}/callback`,
    );
    expect(ack.body).toEqual({ type: 6 });
    const updated = await fake.rest.waitForCall(
      (c) => c.method === 'PATCH' && c.path === `/channels/${ids.adminChannel}/messages/${cardId}`,
    );
    const fields = (updated.body as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!
      .fields;
    expect(fields.find((f) => f.name === 'Claimed by')?.value).toContain(ids.moderator);
  });
});
