import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EscalationCard, MessageRef, OutboundEffect } from '../../../bots/contract.ts';
import { PlatformPermissionError, PlatformRateLimitedError } from '../../../worker/errors.ts';
import { snowflake } from '../../fakes/discord/payloads.ts';
import { ids, startBoth } from './harness.ts';

const PHONE = '0612345678';
let t: Awaited<ReturnType<typeof startBoth>>;
let original: { id: string };
beforeAll(async () => {
  t = await startBoth();
  original = t.fake.postMessage({
    channelId: ids.peerChannel,
    authorId: ids.member,
    content: `call me on ${PHONE}`,
  });
  await t.ingest.until(() => t.ingest.received.length === 1);
});
afterAll(async () => t?.stop());

const target = (over: Partial<MessageRef> = {}): MessageRef => ({
  platform: 'discord',
  workspaceId: ids.guild,
  channelId: ids.peerChannel,
  threadId: null,
  platformMessageId: original.id,
  authorId: ids.member,
  ...over,
});

const card = (over: Partial<EscalationCard> = {}): EscalationCard => ({
  escalationId: 'esc-1',
  priority: 'urgent',
  status: 'open',
  title: 'Personal details shared',
  redactedExcerpt: 'call me on [PHONE]',
  reasons: ['pii.PHONE'],
  concepts: [],
  specialty: null,
  evidence: [],
  claimedBy: null,
  mention: ids.modRole,
  source: target(),
  notes: [],
  buttons: [{ id: 'claim', label: 'Claim', subject: 'esc-1' }],
  ...over,
});

const deliver = (effect: OutboundEffect) => t.adapter.delivery.deliver(effect);
const lastCall = () => t.fake.rest.calls.at(-1)!;

describe('each effect kind becomes the right REST call', () => {
  it('remove deletes the message where it lives, with an audit-log reason', async () => {
    await deliver({ kind: 'remove', effectId: 'e-remove', target: target() });
    expect(lastCall()).toMatchObject({
      method: 'DELETE',
      path: `/channels/${ids.peerChannel}/messages/${original.id}`,
      status: 204,
    });
    expect(lastCall().headers['x-audit-log-reason']).toBe('Ward%20effect%20e-remove');
    const inThread = snowflake();
    await deliver({
      kind: 'remove',
      effectId: 'e-remove-2',
      target: target({ threadId: ids.thread, platformMessageId: inThread }),
    });
    expect(lastCall().path).toBe(`/channels/${ids.thread}/messages/${inThread}`);
  });

  it('dm_author opens a DM and sends the redacted text with buttons bound to the guild', async () => {
    const text = 'We removed your message because it contained [PHONE].';
    const receipt = await deliver({
      kind: 'dm_author',
      effectId: 'e-dm',
      target: target(),
      text,
      buttons: [{ id: 'repost_redacted', label: 'Repost without it', subject: 'e-dm' }],
    });
    const [open] = t.fake.rest.callsTo('POST', /^\/users\/@me\/channels$/).slice(-1);
    expect(open?.body).toEqual({ recipient_id: ids.member });
    const sent = lastCall();
    expect(sent.body).toMatchObject({ content: text, allowed_mentions: { parse: [] } });
    const button = (sent.body as { components: { components: { custom_id: string }[] }[] }).components[0]
      ?.components[0];
    expect(button?.custom_id).toBe(`ward:repost_redacted:e-dm:${ids.guild}`);
    expect(receipt.platformMessageId).toMatch(/^\d+$/);
  });

  it('dm_author to a member with closed DMs leaves a note in the moderator channel instead', async () => {
    const closed = snowflake();
    t.fake.rest.closedDms.add(closed);
    const receipt = await deliver({
      kind: 'dm_author',
      effectId: 'e-dm-closed',
      target: target({ authorId: closed }),
      text: 'line one\nline two',
      buttons: [],
    });
    const note = lastCall();
    expect(note.path).toBe(`/channels/${ids.adminChannel}/messages`);
    const content = (note.body as { content: string }).content;
    expect(content).toContain(`<@${closed}>`);
    expect(content).toContain('> line one\n> line two');
    expect(note.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(receipt.platformMessageId).toMatch(/^\d+$/);
  });

  it('reply_in_thread answers the message in its thread', async () => {
    await deliver({
      kind: 'reply_in_thread',
      effectId: 'e-reply',
      target: target({ threadId: ids.thread }),
      text: 'Here is a resource.',
    });
    expect(lastCall()).toMatchObject({
      method: 'POST',
      path: `/channels/${ids.thread}/messages`,
      body: {
        content: 'Here is a resource.',
        message_reference: { message_id: original.id, fail_if_not_exists: false },
      },
    });
  });

  it('repost posts the redacted text, attributed without a ping', async () => {
    await deliver({ kind: 'repost', effectId: 'e-repost', target: target(), text: 'call me on [PHONE]' });
    const body = lastCall().body as { content: string; allowed_mentions: unknown };
    expect(lastCall().path).toBe(`/channels/${ids.peerChannel}/messages`);
    expect(body.content).toMatch(new RegExp(`^<@${ids.member}> .*\\ncall me on \\[PHONE\\]$`));
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('post_card posts an embed with buttons, pinging only the routed role, and returns its id', async () => {
    const receipt = await deliver({
      kind: 'post_card',
      effectId: 'e-card',
      channelId: ids.adminChannel,
      workspaceId: ids.guild,
      card: card(),
    });
    const body = lastCall().body as {
      content: string;
      embeds: { description: string }[];
      allowed_mentions: unknown;
    };
    expect(lastCall().path).toBe(`/channels/${ids.adminChannel}/messages`);
    expect(body.content).toContain(`<@&${ids.modRole}>`);
    expect(body.embeds[0]?.description).toBe('call me on [PHONE]');
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [ids.modRole] });
    expect(receipt.platformMessageId).toMatch(/^\d+$/);
  });

  it('update_card patches the card without pinging again', async () => {
    const id = snowflake();
    await deliver({
      kind: 'update_card',
      effectId: 'e-upd',
      channelId: ids.adminChannel,
      workspaceId: ids.guild,
      platformMessageId: id,
      card: card({ status: 'claimed', claimedBy: ids.moderator }),
    });
    expect(lastCall()).toMatchObject({
      method: 'PATCH',
      path: `/channels/${ids.adminChannel}/messages/${id}`,
      body: { allowed_mentions: { parse: [] } },
    });
  });

  it('alert_moderators posts the alert to the given channel, split when longer than Discord allows', async () => {
    const before = t.fake.rest.calls.length;
    const text = `${'a'.repeat(1500)}\n${'b'.repeat(1500)}`;
    await deliver({
      kind: 'alert_moderators',
      effectId: 'e-alert',
      channelId: ids.adminChannel,
      workspaceId: ids.guild,
      text,
    });
    const posts = t.fake.rest.calls.slice(before).map((c) => (c.body as { content: string }).content);
    expect(posts).toEqual(['a'.repeat(1500), 'b'.repeat(1500)]);
  });

  it('never sends the original text: only the redacted texts reached the API', () => {
    const bodies = t.fake.rest.calls.map((c) => JSON.stringify(c.body ?? ''));
    expect(bodies.some((b) => b.includes('[PHONE]'))).toBe(true);
    expect(bodies.filter((b) => b.includes(PHONE))).toEqual([]);
  });
});

describe('platform failures', () => {
  it('429: waits in the REST queue and delivers, not dropped', async () => {
    const channelId = snowflake();
    t.fake.rest.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/messages$`),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
    });
    await deliver({
      kind: 'alert_moderators',
      effectId: 'e-429',
      channelId,
      workspaceId: ids.guild,
      text: 'alert',
    });
    const calls = t.fake.rest.callsTo('POST', new RegExp(`^/channels/${channelId}/messages$`));
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('429 with a long wait: handed back to the worker as PlatformRateLimitedError', async () => {
    const channelId = snowflake();
    t.fake.rest.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/messages$`),
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 120, global: false },
      headers: { 'retry-after': '120', 'x-ratelimit-scope': 'user' },
    });
    const failure = deliver({
      kind: 'alert_moderators',
      effectId: 'e-429-long',
      channelId,
      workspaceId: ids.guild,
      text: 'alert',
    });
    await expect(failure).rejects.toBeInstanceOf(PlatformRateLimitedError);
    await expect(failure).rejects.toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(
      ((await failure.catch((e: unknown) => e)) as PlatformRateLimitedError).retryAfterMs,
    ).toBeGreaterThanOrEqual(120_000);
  });

  it('403: PlatformPermissionError (missing Manage Messages) so the worker can alert moderators', async () => {
    const id = snowflake();
    t.fake.rest.fail({ method: 'DELETE', path: new RegExp(`/messages/${id}$`), status: 403 });
    const failure = deliver({ kind: 'remove', effectId: 'e-403', target: target({ platformMessageId: id }) });
    await expect(failure).rejects.toBeInstanceOf(PlatformPermissionError);
    await expect(failure).rejects.toMatchObject({ status: 403, code: 'platform_permission' });
    await expect(failure).rejects.toThrow(/e-403.*50013/);
  });

  it('404 on a card channel: PlatformPermissionError with the not-found code', async () => {
    const channelId = snowflake();
    t.fake.rest.fail({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/`),
      status: 404,
      body: { code: 10003, message: 'Unknown Channel' },
    });
    const failure = deliver({
      kind: 'post_card',
      effectId: 'e-404',
      channelId,
      workspaceId: ids.guild,
      card: card(),
    });
    await expect(failure).rejects.toMatchObject({ status: 404, code: 'platform_not_found' });
  });

  it('remove of a message that is already gone succeeds', async () => {
    const id = snowflake();
    t.fake.rest.fail({ method: 'DELETE', path: new RegExp(`/messages/${id}$`), status: 404 });
    await expect(
      deliver({ kind: 'remove', effectId: 'e-gone', target: target({ platformMessageId: id }) }),
    ).resolves.toEqual({});
  });
});
