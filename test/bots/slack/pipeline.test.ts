import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsFor } from '../../../db/repositories/decisions.ts';
import { findFirstVersion } from '../../../db/repositories/messages.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import type { FakeSocketModeServer } from '../../fakes/slack/socket-mode-server.ts';
import { blockActions, envelope, messageEvent } from '../../fakes/slack/payloads.ts';
import type { FakeSlackWebApi, RecordedCall } from '../../fakes/slack/web-api-server.ts';
import type { Harness as WardHarness } from '../../support/ward-harness.ts';
import { ADMIN_TOKEN } from './support.ts';
import { type SlackWardStack, startSlackWardStack } from './ward-stack.ts';

const slackConfig = () =>
  validateConfig({
    community: {
      id: 'test',
      name: 'Test',
      locale: 'en-GB',
      admin_channel: { platform: 'slack', id: 'CADMIN' },
    },
    channels: [{ platform: 'slack', id: 'CPEER', name: 'peer', space: 'peer_support' }],
    roles: { moderator: ['SMODS'] },
  });

const NUMBER = '06 12 34 56 78';

/** The value of a button with this action_id in a recorded chat.postMessage / chat.update, if any. */
function buttonValue(call: RecordedCall, actionId: string): string | null {
  const blocks = (call.args.blocks ?? []) as {
    type: string;
    elements?: { action_id?: string; value?: string }[];
  }[];
  for (const b of blocks)
    for (const e of b.elements ?? []) if (e.action_id === actionId && e.value) return e.value;
  return null;
}

describe.each([
  ['with an admin user token', true],
  ['without an admin user token', false],
] as const)('Slack → Ward → Slack on real Redis + Postgres, %s', (_name, admin) => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketModeServer;
  let ward: WardHarness;
  let seq = 0;
  const nextTs = () => `1700001000.${String(++seq).padStart(6, '0')}`;

  let stack: SlackWardStack;
  beforeAll(async () => {
    stack = await startSlackWardStack(slackConfig(), admin);
    ({ api, socket, ward } = stack);
  });
  afterAll(() => stack?.close());

  it('a phone number in peer support: removed (or reported), and the author gets a redacted DM', async () => {
    const ts = nextTs();
    await socket.push(
      'events_api',
      envelope(messageEvent({ channel: 'CPEER', user: 'UMEMBER', text: `Text me on ${NUMBER} tonight`, ts })),
    );
    const dmTo = (c: { method: string; args: Record<string, unknown> }) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === 'DUMEMBER' &&
      String(c.args.text).includes('[PHONE]');
    if (admin) {
      await api.waitFor((calls) => calls.some((c) => c.method === 'chat.delete') && calls.some(dmTo), 20_000);
      const del = api.callsTo('chat.delete')[0]!;
      expect(del.token).toBe(ADMIN_TOKEN);
      expect(del.args).toMatchObject({ channel: 'CPEER', ts });
    } else {
      const alert = (c: { method: string; args: Record<string, unknown> }) =>
        c.method === 'chat.postMessage' &&
        c.args.channel === 'CADMIN' &&
        String(c.args.text).includes('<#CPEER>');
      await api.waitFor((calls) => calls.some(alert) && calls.some(dmTo), 20_000);
      expect(api.callsTo('chat.delete')).toHaveLength(0);
    }
    // Nothing Ward sent to Slack carries the number.
    const sent = JSON.stringify(api.calls.map((c) => c.args));
    expect(sent).not.toContain('56 78');
    expect(sent).not.toContain('0612345678');
  });

  it('a redelivered event (same event_id, retry_attempt 1) is decided once', async () => {
    const ts = nextTs();
    const env = envelope(
      messageEvent({
        channel: 'CPEER',
        user: 'UMEMBER',
        text: 'Lovely walk today, feeling a bit better.',
        ts,
      }),
    );
    await socket.push('events_api', env);
    await socket.push('events_api', env, { retryAttempt: 1 });
    const ref = { platform: 'slack', workspaceId: 'T1', platformChannelId: 'CPEER', platformMessageId: ts };
    let id: string | undefined;
    for (let i = 0; i < 100 && !id; i++) {
      id = await findFirstVersion(ward.runtime.database.db, ref);
      if (!id) await new Promise((r) => setTimeout(r, 50));
    }
    expect(id).toBeDefined();
    await ward.runtime.waitForDecision(id!, 20_000);
    const tiers = (await decisionsFor(ward.runtime.database.db, id!)).map((d) => d.tier).sort();
    expect(tiers).toEqual(['crisis', 'standard']);
  });
  it('the author presses "repost without details": Ward reposts the redacted text; someone else is refused', async () => {
    const dm = [...api.callsTo('chat.postMessage')]
      .reverse()
      .find((c) => c.args.channel === 'DUMEMBER' && buttonValue(c, 'ward:repost_redacted'))!;
    const subject = buttonValue(dm, 'ward:repost_redacted')!;
    await socket.push(
      'interactive',
      blockActions({ user: 'UOTHER', channel: 'DUOTHER', actionId: 'ward:repost_redacted', value: subject }),
    );
    await api.waitFor(
      (calls) => calls.some((c) => c.method === 'chat.postEphemeral' && c.args.user === 'UOTHER'),
      20_000,
    );
    expect(api.callsTo('chat.postEphemeral').find((c) => c.args.user === 'UOTHER')!.args.text).toMatch(
      /Only the author/,
    );
    await socket.push(
      'interactive',
      blockActions({
        user: 'UMEMBER',
        channel: 'DUMEMBER',
        actionId: 'ward:repost_redacted',
        value: subject,
      }),
    );
    const repost = (c: { method: string; args: Record<string, unknown> }) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === 'CPEER' &&
      String(c.args.text).includes('[PHONE]');
    await api.waitFor((calls) => calls.some(repost), 20_000);
    expect(JSON.stringify(api.calls.filter(repost).map((c) => c.args))).not.toContain('56 78');
  });

  it('an appeal puts a card in the admin channel; a member is refused on it, a moderator claims it', async () => {
    const dm = api
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === 'DUMEMBER' && buttonValue(c, 'ward:repost_redacted'))!;
    const messageId = buttonValue(dm, 'ward:repost_redacted')!;
    await socket.push(
      'interactive',
      blockActions({ user: 'UMEMBER', channel: 'DUMEMBER', actionId: 'ward:appeal', value: messageId }),
    );
    const card = (c: RecordedCall) =>
      c.method === 'chat.postMessage' && c.args.channel === 'CADMIN' && buttonValue(c, 'ward:claim') !== null;
    await api.waitFor((calls) => calls.some(card), 20_000);
    const posted = api.calls.find(card)!;
    expect(JSON.stringify(posted.args.blocks)).not.toContain('56 78');
    const escalationId = buttonValue(posted, 'ward:claim')!;
    await socket.push(
      'interactive',
      blockActions({ user: 'UMEMBER', channel: 'CADMIN', actionId: 'ward:claim', value: escalationId }),
    );
    const refused = (c: RecordedCall) =>
      c.method === 'chat.postEphemeral' && c.args.user === 'UMEMBER' && c.args.channel === 'CADMIN';
    await api.waitFor((calls) => calls.some(refused), 20_000);
    expect(api.calls.find(refused)!.args.text).toMatch(/Only moderators/);
    await socket.push(
      'interactive',
      blockActions({ user: 'UMOD', channel: 'CADMIN', actionId: 'ward:claim', value: escalationId }),
    );
    const updated = (c: RecordedCall) =>
      c.method === 'chat.update' && JSON.stringify(c.args.blocks).includes('UMOD');
    await api.waitFor((calls) => calls.some(updated), 20_000);
    expect(api.calls.find(updated)!.args).toMatchObject({ channel: 'CADMIN' });
  });
});
