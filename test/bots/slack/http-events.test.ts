import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackEventsSender } from '../../fakes/slack/events-sender.ts';
import {
  envelope,
  messageChanged,
  messageDeleted,
  messageEvent,
  slackTs,
} from '../../fakes/slack/payloads.ts';
import { type Harness, SIGNING_SECRET, startHarness } from './support.ts';

describe('Slack adapter over the HTTP Events API (real Bolt HTTPReceiver)', () => {
  let h: Harness;
  let slack: FakeSlackEventsSender;

  beforeAll(async () => {
    h = await startHarness({ mode: 'http' });
    slack = new FakeSlackEventsSender(h.adapter.eventsUrl!, SIGNING_SECRET);
  });
  afterAll(async () => h?.close());

  it('turns a channel message into an IncomingMessage with the author roles', async () => {
    const ts = slackTs(1);
    const res = await slack.event(
      envelope(messageEvent({ channel: 'CPEER', user: 'UMOD', text: 'hello there', ts })),
    );
    expect(res.status).toBe(200);
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === ts));
    const msg = h.ingest.received.find((m) => m.platformMessageId === ts)!;
    expect(msg).toMatchObject({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'CPEER',
      threadId: null,
      text: 'hello there',
      edited: false,
      author: { id: 'UMOD', roles: ['member', 'moderator'] },
    });
    expect(msg.sentAt.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('keeps the thread of a reply', async () => {
    const ts = slackTs(2);
    await slack.event(
      envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'reply', ts, thread_ts: slackTs(1) })),
    );
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === ts));
    expect(h.ingest.received.find((m) => m.platformMessageId === ts)?.threadId).toBe(slackTs(1));
  });

  it('reports an edit as the same platform message with edited: true', async () => {
    const ts = slackTs(3);
    await slack.event(
      envelope(
        messageChanged({
          channel: 'CPEER',
          user: 'U2',
          ts,
          text: 'new words',
          previousText: 'old',
          editedTs: slackTs(30),
        }),
      ),
    );
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === ts));
    expect(h.ingest.received.find((m) => m.platformMessageId === ts)).toMatchObject({
      edited: true,
      text: 'new words',
    });
  });

  it('reports a deletion', async () => {
    await slack.event(envelope(messageDeleted({ channel: 'CPEER', deletedTs: slackTs(4) })));
    await h.ingest.waitFor(() => h.ingest.deletions.length > 0);
    expect(h.ingest.deletions).toContainEqual({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'CPEER',
      platformMessageId: slackTs(4),
    });
  });

  it('refuses a wrong signature and a stale timestamp with 401, and ingests neither', async () => {
    const before = h.ingest.received.length;
    const bad = await slack.event(
      envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'x', ts: slackTs(5) })),
      {
        signWith: 'not-the-secret',
      },
    );
    const stale = await slack.event(
      envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'x', ts: slackTs(6) })),
      {
        timestampSec: Math.floor(Date.now() / 1000) - 10 * 60,
      },
    );
    expect(bad.status).toBe(401);
    expect(stale.status).toBe(401);
    // A later valid event proves the earlier ones were not merely slow.
    const ts = slackTs(7);
    await slack.event(envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'ok', ts })));
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === ts));
    expect(h.ingest.received.slice(before).map((m) => m.platformMessageId)).toEqual([ts]);
  });

  it('ingests a redelivered event_id once, whatever the retry header says', async () => {
    const ts = slackTs(8);
    const env = envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'once', ts }));
    expect((await slack.event(env)).status).toBe(200);
    expect((await slack.event(env, { retryNum: 1 })).status).toBe(200);
    expect((await slack.event(env, { retryNum: 2 })).status).toBe(200);
    const marker = slackTs(9);
    await slack.event(envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'after', ts: marker })));
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === marker));
    expect(h.ingest.received.filter((m) => m.platformMessageId === ts)).toHaveLength(1);
  });

  it("ignores bot messages, Ward's own messages and non-member subtypes", async () => {
    const before = h.ingest.received.length;
    await slack.event(
      envelope(messageEvent({ channel: 'CPEER', user: 'U9', text: 'b', ts: slackTs(10), bot_id: 'BOTHER' })),
    );
    await slack.event(
      envelope(messageEvent({ channel: 'CPEER', user: 'UBOT', text: 'me', ts: slackTs(11) })),
    );
    await slack.event(
      envelope(
        messageEvent({
          channel: 'CPEER',
          user: 'U2',
          text: 'joined',
          ts: slackTs(12),
          subtype: 'channel_join',
        }),
      ),
    );
    const marker = slackTs(13);
    await slack.event(envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'real', ts: marker })));
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === marker));
    expect(h.ingest.received.slice(before).map((m) => m.platformMessageId)).toEqual([marker]);
  });

  it('rides out a brief ingest failure', async () => {
    h.ingest.failNext = 1;
    const ts = slackTs(14);
    await slack.event(envelope(messageEvent({ channel: 'CPEER', user: 'U2', text: 'retry me', ts })));
    await h.ingest.waitFor(() => h.ingest.received.some((m) => m.platformMessageId === ts));
    expect(h.ingest.received.filter((m) => m.platformMessageId === ts)).toHaveLength(1);
  });
});
