import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActions, envelope, messageEvent, slackTs, slashCommand } from '../../fakes/slack/payloads.ts';
import { APP_TOKEN, type Harness, startHarness } from './support.ts';

describe('Slack adapter over Socket Mode (real Bolt SocketModeReceiver)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ mode: 'socket' });
  });
  afterAll(async () => h?.close());

  it('opened the connection with the app token', () => {
    const open = h.api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(h.adapter.mode).toBe('socket');
    expect(h.adapter.eventsUrl).toBeNull();
  });

  it('acks an event envelope and ingests the message', async () => {
    const ts = slackTs(101);
    const ack = await h.socket!.push(
      'events_api',
      envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'hi', ts })),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === ts));
    expect(h.ingest.received.find((m) => m.platformMessageId === ts)).toMatchObject({
      text: 'hi',
      channelId: 'CPEER',
    });
  });

  it('acks but does not ingest again a redelivery (retry_attempt) of the same event_id', async () => {
    const ts = slackTs(102);
    const env = envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'once', ts }));
    await h.socket!.push('events_api', env);
    const again = await h.socket!.push('events_api', env, { retryAttempt: 1 });
    expect(again.envelope_id).toBeTruthy();
    const marker = slackTs(103);
    await h.socket!.push(
      'events_api',
      envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'next', ts: marker })),
    );
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === marker));
    expect(h.ingest.received.filter((m) => m.platformMessageId === ts)).toHaveLength(1);
  });

  it('forwards a DM button press (repost redacted)', async () => {
    await h.socket!.push(
      'interactive',
      blockActions({ user: 'U2', channel: 'DU2', actionId: 'ward:repost_redacted', value: 'eff-1' }),
    );
    await h.ingest.waitFor(() => h.ingest.actions.length > 0);
    expect(h.ingest.actions[0]).toMatchObject({
      actionId: 'repost_redacted',
      subject: 'eff-1',
      actor: { id: 'U2' },
    });
  });

  it('answers a bad /ward with the usage in the ack payload', async () => {
    const ack = await h.socket!.push(
      'slash_commands',
      slashCommand({
        user: 'U2',
        channel: 'CPEER',
        text: 'help',
        responseUrl: `${h.api.origin}/response/s1`,
      }),
    );
    expect(ack.payload).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/ward status'),
    });
  });

  it('says a valid /ward command is not available when no handler is wired', async () => {
    const ack = await h.socket!.push(
      'slash_commands',
      slashCommand({
        user: 'U2',
        channel: 'CPEER',
        text: 'status',
        responseUrl: `${h.api.origin}/response/s2`,
      }),
    );
    expect(ack.payload).toMatchObject({ text: expect.stringContaining('not available') });
  });
});
