import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectsFor } from '../../../db/repositories/effects.ts';
import { findFirstVersion } from '../../../db/repositories/messages.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import { blockActions, envelope, messageEvent, messageShortcut } from '../../fakes/slack/payloads.ts';
import type { FakeSocketModeServer } from '../../fakes/slack/socket-mode-server.ts';
import type { FakeSlackWebApi, RecordedCall } from '../../fakes/slack/web-api-server.ts';
import type { Harness as WardHarness } from '../../support/ward-harness.ts';
import { type SlackWardStack, startSlackWardStack } from './ward-stack.ts';

const config = (locale: string) =>
  validateConfig({
    community: { id: 'test', name: 'Test', locale, admin_channel: { platform: 'slack', id: 'CADMIN' } },
    channels: [{ platform: 'slack', id: 'CPEER', name: 'peer', space: 'peer_support' }],
    roles: { moderator: ['SMODS'] },
  });

const EDIT_EN = 'Ward cannot hide messages here, so your message is still visible to others.';
const EDIT_NL = 'Ward kan berichten hier niet zelf verbergen';
const SLACK_ASK = 'cannot remove it in Slack';

const dmsTo = (calls: RecordedCall[], user: string) =>
  calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === `D${user}`);

describe.each([
  ['without an admin user token', false],
  ['with an admin user token', true],
] as const)('adapter gaps: one private message per held Slack message, %s', (_name, admin) => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketModeServer;
  let ward: WardHarness;
  let seq = 0;
  const nextTs = () => `1700003000.${String(++seq).padStart(6, '0')}`;

  let stack: SlackWardStack;
  beforeAll(async () => {
    stack = await startSlackWardStack(config('en-GB'), admin);
    ({ api, socket, ward } = stack);
  });
  afterAll(() => stack?.close());

  /** Ward's id of a Slack message, once ingest has stored it. */
  async function messageIdOf(ts: string): Promise<string> {
    const ref = { platform: 'slack', workspaceId: 'T1', platformChannelId: 'CPEER', platformMessageId: ts };
    for (;;) {
      const id = await findFirstVersion(ward.runtime.database.db, ref);
      if (id) return id;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Resolves when every effect of the message has left the outbox (delivered, failed or cancelled). */
  async function settled(messageId: string, atLeast: number): Promise<void> {
    for (;;) {
      const effects = await effectsFor(ward.runtime.database.db, messageId);
      const open = effects.some((e) => e.state === 'pending' || e.state === 'queued');
      if (effects.length >= atLeast && !open) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function post(user: string, text: string): Promise<{ ts: string; messageId: string }> {
    const ts = nextTs();
    await socket.push('events_api', envelope(messageEvent({ channel: 'CPEER', user, text, ts })));
    const messageId = await messageIdOf(ts);
    await ward.runtime.waitForDecision(messageId, 20_000);
    return { ts, messageId };
  }

  it('a phone number: exactly one DM, carrying the redacted copy (and, without removal, the edit request)', async () => {
    const { ts, messageId } = await post('UPHONE', 'Text me on 06 12 34 56 78 tonight');
    await settled(messageId, 2);
    const dms = dmsTo(api.calls, 'UPHONE');
    expect(dms).toHaveLength(1);
    const text = String(dms[0]!.args.text);
    expect(text).toContain('[PHONE]');
    expect(text).not.toContain(SLACK_ASK);
    if (admin) {
      expect(text).not.toContain(EDIT_EN);
      expect(api.callsTo('chat.delete').map((c) => c.args.ts)).toContain(ts);
    } else {
      expect(text).toContain(EDIT_EN);
      expect(text).toContain(`https://ward-test.slack.com/archives/CPEER/p${ts.replace('.', '')}`);
      const alerts = api
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'CADMIN' && String(c.args.text).includes('<#CPEER>'));
      expect(alerts.length).toBeGreaterThanOrEqual(1);
      expect(api.callsTo('chat.delete')).toHaveLength(0);
    }
    expect(JSON.stringify(dms.map((c) => c.args))).not.toContain('56 78');
  });

  it('an insult held for moderators: exactly one DM (the hold notice), and the card', async () => {
    const { messageId } = await post('UINSULT', 'You are such a pathetic idiot, nobody cares about you.');
    await settled(messageId, 3);
    const dms = dmsTo(api.calls, 'UINSULT');
    expect(dms).toHaveLength(1);
    expect(String(dms[0]!.args.text)).toMatch(/on hold because it may hurt/);
    expect(String(dms[0]!.args.text).includes(EDIT_EN)).toBe(!admin);
    expect(JSON.stringify(dms[0]!.args)).not.toContain('idiot');
  });

  it('a moderator removes a reported message (no DM planned with it): the adapter’s own single ask, or a delete', async () => {
    const text = 'Looking forward to the meetup on Saturday';
    const { ts, messageId } = await post('UREPORTED', text);
    await socket.push(
      'interactive',
      messageShortcut({
        callbackId: 'ward_report',
        reporter: 'UREPORTER',
        channel: 'CPEER',
        message: { user: 'UREPORTED', text, ts },
      }),
    );
    const card = (c: RecordedCall) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === 'CADMIN' &&
      JSON.stringify(c.args.blocks ?? []).includes('meetup on Saturday');
    await api.waitFor((calls) => calls.some(card), 20_000);
    const posted = api.calls.find(card)!;
    const value = (posted.args.blocks as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'ward:resolve_remove')!.value!;
    await socket.push(
      'interactive',
      blockActions({ user: 'UMOD', channel: 'CADMIN', actionId: 'ward:resolve_remove', value }),
    );
    await api.waitFor(
      (calls) =>
        admin
          ? calls.some((c) => c.method === 'chat.delete' && c.args.ts === ts)
          : dmsTo(calls, 'UREPORTED').length > 0,
      20_000,
    );
    await settled(messageId, 3);
    const dms = dmsTo(api.calls, 'UREPORTED');
    if (admin) expect(dms).toHaveLength(0);
    else {
      expect(dms).toHaveLength(1);
      expect(String(dms[0]!.args.text)).toContain(SLACK_ASK);
    }
  });
});

describe('adapter gaps: the edit request follows the author’s language', () => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketModeServer;
  let ward: WardHarness;

  let stack: SlackWardStack;
  beforeAll(async () => {
    stack = await startSlackWardStack(config('nl-NL'), false);
    ({ api, socket, ward } = stack);
  });
  afterAll(() => stack?.close());

  it('a Dutch community: one DM in Dutch with the Dutch edit request', async () => {
    await socket.push(
      'events_api',
      envelope(
        messageEvent({
          channel: 'CPEER',
          user: 'UNL',
          text: 'Bel me op 06 12 34 56 78 vanavond',
          ts: '1700004000.000001',
        }),
      ),
    );
    await api.waitFor((calls) => dmsTo(calls, 'UNL').length > 0, 20_000);
    const ref = {
      platform: 'slack',
      workspaceId: 'T1',
      platformChannelId: 'CPEER',
      platformMessageId: '1700004000.000001',
    };
    const id = (await findFirstVersion(ward.runtime.database.db, ref))!;
    for (;;) {
      const effects = await effectsFor(ward.runtime.database.db, id);
      if (!effects.some((e) => e.state === 'pending' || e.state === 'queued')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const dms = dmsTo(api.calls, 'UNL');
    expect(dms).toHaveLength(1);
    expect(String(dms[0]!.args.text)).toContain(EDIT_NL);
    expect(String(dms[0]!.args.text)).not.toContain('56 78');
  });
});
