import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EscalationCard, MessageRef, PlatformDelivery } from '../../../bots/contract.ts';
import { ChannelLimiter, createSlackDelivery, createSlackWebClient } from '../../../bots/slack/index.ts';
import { PlatformPermissionError, PlatformRateLimitedError, WardError } from '../../../worker/errors.ts';
import { FakeSlackWebApi } from '../../fakes/slack/web-api-server.ts';
import { ADMIN_TOKEN, BOT_TOKEN } from './support.ts';

const log = pino({ level: 'silent' });
const target = (channelId: string, ts = '1700000000.000100'): MessageRef => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId,
  threadId: null,
  platformMessageId: ts,
  authorId: 'UAUTHOR',
});
const card: EscalationCard = {
  escalationId: 'esc-1',
  priority: 'urgent',
  status: 'open',
  title: 'URGENT: crisis.suicidal_ideation',
  redactedExcerpt: 'call me on [PHONE] <!channel>',
  reasons: ['crisis.suicidal_ideation'],
  concepts: ['depression'],
  specialty: 'psychiatry',
  evidence: [{ title: 'Thuisarts: somberheid', url: 'https://www.thuisarts.nl/somberheid' }],
  claimedBy: null,
  mention: 'SONCALL',
  source: target('CPEER'),
  notes: ['author: 2 earlier holds this month'],
  buttons: [
    { id: 'claim', label: 'Claim', style: 'primary', subject: 'esc-1' },
    { id: 'dismiss', label: 'Dismiss', subject: 'esc-1' },
  ],
};

describe('createSlackDelivery: every OutboundEffect kind as Web API calls', () => {
  let api: FakeSlackWebApi;
  let delivery: PlatformDelivery;
  let withAdmin: PlatformDelivery;

  beforeAll(async () => {
    api = await FakeSlackWebApi.start({
      [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
      [ADMIN_TOKEN]: { team_id: 'T1', user_id: 'UADMIN' },
    });
    const client = createSlackWebClient(BOT_TOKEN, api.url, log);
    const limiter = new ChannelLimiter({ intervalMs: 0 });
    delivery = createSlackDelivery({ client, adminChannelId: 'CADMIN', limiter, logger: log });
    const adminClient = createSlackWebClient(ADMIN_TOKEN, api.url, log);
    withAdmin = createSlackDelivery({ client, adminClient, adminChannelId: 'CADMIN', limiter, logger: log });
  });
  afterAll(async () => api?.close());

  it('remove with an admin user token: chat.delete with that token', async () => {
    await withAdmin.deliver({ kind: 'remove', effectId: 'e1', target: target('CREM1') });
    const del = api.callsTo('chat.delete').at(-1)!;
    expect(del.token).toBe(ADMIN_TOKEN);
    expect(del.args).toMatchObject({ channel: 'CREM1', ts: '1700000000.000100' });
  });

  it('remove of a message already gone counts as done', async () => {
    api.failOnce('chat.delete', 'message_not_found');
    await expect(
      withAdmin.deliver({ kind: 'remove', effectId: 'e2', target: target('CREM2') }),
    ).resolves.toEqual({});
  });

  it('remove without an admin token: no delete; a moderator alert and a private ask-to-edit instead', async () => {
    const deletes = api.callsTo('chat.delete').length;
    await delivery.deliver({ kind: 'remove', effectId: 'e3', target: target('CREM3') });
    expect(api.callsTo('chat.delete')).toHaveLength(deletes);
    const posts = api.callsTo('chat.postMessage').slice(-2);
    expect(posts[0]!.args).toMatchObject({ channel: 'CADMIN', text: expect.stringContaining('<#CREM3>') });
    expect(posts[0]!.args.text).toContain('/archives/CREM3/p1700000000000100');
    expect(api.callsTo('conversations.open').at(-1)!.args).toMatchObject({ users: 'UAUTHOR' });
    expect(posts[1]!.args).toMatchObject({ channel: 'DUAUTHOR', text: expect.stringContaining('edit') });
  });

  it('dm_author: opens the DM and posts the (escaped) text with Ward buttons', async () => {
    const receipt = await delivery.deliver({
      kind: 'dm_author',
      effectId: 'e4',
      target: target('CPEER'),
      text: 'Your message mentioned [PHONE] & was held <!here>.',
      buttons: [
        { id: 'repost_redacted', label: 'Repost without details', style: 'primary', subject: 'eff-4' },
        { id: 'appeal', label: 'Appeal', subject: 'eff-4' },
      ],
    });
    const post = api.callsTo('chat.postMessage').at(-1)!;
    expect(receipt.platformMessageId).toMatch(/^1800000000\./);
    expect(post.args.channel).toBe('DUAUTHOR');
    expect(post.args.text).toBe('Your message mentioned [PHONE] &amp; was held &lt;!here&gt;.');
    const actions = (
      post.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => [e.action_id, e.value])).toEqual([
      ['ward:repost_redacted', 'eff-4'],
      ['ward:appeal', 'eff-4'],
    ]);
  });

  it('reply_in_thread: threads under the message (or its thread)', async () => {
    await delivery.deliver({
      kind: 'reply_in_thread',
      effectId: 'e5',
      target: target('CTHR'),
      text: 'See the resources.',
    });
    expect(api.callsTo('chat.postMessage').at(-1)!.args).toMatchObject({
      channel: 'CTHR',
      thread_ts: '1700000000.000100',
      text: 'See the resources.',
    });
    const inThread = { ...target('CTHR', '1700000000.000200'), threadId: '1700000000.000100' };
    await delivery.deliver({ kind: 'reply_in_thread', effectId: 'e6', target: inThread, text: 'x' });
    expect(api.callsTo('chat.postMessage').at(-1)!.args.thread_ts).toBe('1700000000.000100');
  });

  it('repost: posts the redacted text in the channel, credited to the author', async () => {
    await delivery.deliver({
      kind: 'repost',
      effectId: 'e7',
      target: target('CREP'),
      text: 'Ring me on [PHONE]',
    });
    const post = api.callsTo('chat.postMessage').at(-1)!;
    expect(post.args).toMatchObject({ channel: 'CREP', text: 'Ring me on [PHONE]' });
    expect(post.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(post.args.blocks)).toContain('<@UAUTHOR>');
  });

  it('post_card then update_card: Block Kit card, ts kept for the update', async () => {
    const receipt = await delivery.deliver({
      kind: 'post_card',
      effectId: 'e8',
      channelId: 'CADMIN',
      workspaceId: 'T1',
      card,
    });
    const post = api.callsTo('chat.postMessage').at(-1)!;
    expect(post.args.channel).toBe('CADMIN');
    expect(post.args.text).toBe('Urgent: URGENT: crisis.suicidal_ideation');
    const blocks = JSON.stringify(post.args.blocks);
    expect(blocks).toContain('[PHONE] &lt;!channel&gt;');
    expect(blocks).toContain('<!subteam^SONCALL>');
    expect(blocks).toContain('"action_id":"ward:claim"');
    const claimed = { ...card, status: 'claimed' as const, claimedBy: 'UMOD' };
    await delivery.deliver({
      kind: 'update_card',
      effectId: 'e9',
      channelId: 'CADMIN',
      workspaceId: 'T1',
      platformMessageId: receipt.platformMessageId!,
      card: claimed,
    });
    const update = api.callsTo('chat.update').at(-1)!;
    expect(update.args).toMatchObject({ channel: 'CADMIN', ts: receipt.platformMessageId });
    expect(JSON.stringify(update.args.blocks)).toContain('<@UMOD>');
  });

  it('alert_moderators: a plain post in the admin channel', async () => {
    await delivery.deliver({
      kind: 'alert_moderators',
      effectId: 'e10',
      channelId: 'CALERT',
      workspaceId: 'T1',
      text: 'Config rejected.',
    });
    expect(api.callsTo('chat.postMessage').at(-1)!.args).toMatchObject({
      channel: 'CALERT',
      text: 'Config rejected.',
    });
  });

  it('HTTP 429 → PlatformRateLimitedError with Retry-After in ms; the channel waits, others do not', async () => {
    api.rateLimitOnce('chat.postMessage', 7);
    const effect = {
      kind: 'alert_moderators' as const,
      effectId: 'e11',
      channelId: 'CBUSY',
      workspaceId: 'T1',
      text: 'x',
    };
    const err = await delivery.deliver(effect).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformRateLimitedError);
    expect((err as PlatformRateLimitedError).retryAfterMs).toBe(7000);
    // The same channel is held back locally until Slack's delay is over; the deliver queue retries later.
    const again = await delivery.deliver(effect).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(PlatformRateLimitedError);
    await expect(delivery.deliver({ ...effect, channelId: 'CQUIET' })).resolves.toHaveProperty(
      'platformMessageId',
    );
  });

  it('maps Slack errors: permission → 403, gone → 404 (unrecoverable), others → retryable', async () => {
    const effect = {
      kind: 'alert_moderators' as const,
      effectId: 'e12',
      channelId: 'CERR',
      workspaceId: 'T1',
      text: 'x',
    };
    api.failOnce('chat.postMessage', 'not_in_channel');
    const forbidden = await delivery.deliver(effect).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(PlatformPermissionError);
    expect((forbidden as PlatformPermissionError).status).toBe(403);
    api.failOnce('chat.postMessage', 'channel_not_found');
    expect(
      ((await delivery.deliver(effect).catch((e: unknown) => e)) as PlatformPermissionError).status,
    ).toBe(404);
    api.failOnce('chat.postMessage', 'internal_error');
    const other = await delivery.deliver(effect).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(WardError);
    expect((other as Error).message).toBe('slack chat.postMessage: internal_error');
  });
});
