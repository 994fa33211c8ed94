import { describe, expect, it } from 'vitest';
import { classifyMessageEvent, slackTsToDate } from '../../../bots/slack/normalize.ts';

const self = { workspaceId: 'T1', botUserId: 'UBOT', botId: 'BBOT' };

describe('classifyMessageEvent', () => {
  it('reads a plain message, a file share and a thread broadcast as new member messages', () => {
    for (const subtype of [undefined, 'file_share', 'thread_broadcast']) {
      const r = classifyMessageEvent(
        { type: 'message', subtype, channel: 'C1', user: 'U1', text: 'Hallo', ts: '1700000000.000100' },
        self,
      );
      expect(r).toMatchObject({
        kind: 'message',
        message: { authorId: 'U1', text: 'Hallo', edited: false, threadId: null },
      });
    }
  });

  it('hands ingest the text as the member sees it, not Slack markup', () => {
    const r = classifyMessageEvent(
      { channel: 'C1', user: 'U1', text: 'Mail <mailto:a@b.nl|a@b.nl> &amp; bel', ts: '1.0' },
      self,
    );
    expect(r.kind === 'message' && r.message.text).toBe('Mail a@b.nl & bel');
  });

  it('sets the thread only for replies, not for a thread parent', () => {
    const reply = classifyMessageEvent(
      { channel: 'C1', user: 'U1', text: 'x', ts: '2.000000', thread_ts: '1.000000' },
      self,
    );
    const parent = classifyMessageEvent(
      { channel: 'C1', user: 'U1', text: 'x', ts: '1.000000', thread_ts: '1.000000' },
      self,
    );
    expect(reply.kind === 'message' && reply.message.threadId).toBe('1.000000');
    expect(parent.kind === 'message' && parent.message.threadId).toBeNull();
  });

  it('reads message_changed with new text as an edit of the original ts, dated at the edit', () => {
    const r = classifyMessageEvent(
      {
        subtype: 'message_changed',
        channel: 'C1',
        message: {
          user: 'U1',
          text: 'bel 06 12345678',
          ts: '1700000000.000100',
          edited: { ts: '1700000060.000000' },
        },
        previous_message: { user: 'U1', text: 'bel me', ts: '1700000000.000100' },
      },
      self,
    );
    expect(r).toMatchObject({
      kind: 'message',
      message: { platformMessageId: '1700000000.000100', edited: true },
    });
    expect(r.kind === 'message' && r.message.sentAt.getTime()).toBe(1700000060000);
  });

  it('ignores message_changed that leaves the text as it was (unfurls, reply counts)', () => {
    const m = { user: 'U1', text: 'same', ts: '1.000000' };
    expect(
      classifyMessageEvent(
        { subtype: 'message_changed', channel: 'C1', message: m, previous_message: m },
        self,
      ),
    ).toEqual({
      kind: 'ignore',
      reason: 'unchanged',
    });
  });

  it('reads message_deleted and a tombstoned thread parent as deletions', () => {
    expect(
      classifyMessageEvent({ subtype: 'message_deleted', channel: 'C1', deleted_ts: '1.000000' }, self),
    ).toEqual({
      kind: 'deleted',
      ref: { platform: 'slack', workspaceId: 'T1', channelId: 'C1', platformMessageId: '1.000000' },
    });
    const tomb = classifyMessageEvent(
      {
        subtype: 'message_changed',
        channel: 'C1',
        message: { subtype: 'tombstone', ts: '1.000000', text: '' },
      },
      self,
    );
    expect(tomb.kind).toBe('deleted');
  });

  it("ignores bots, Ward's own messages (new, edited, deleted) and housekeeping subtypes", () => {
    const cases = [
      { channel: 'C1', user: 'U1', bot_id: 'B9', text: 'x', ts: '1.0' },
      { channel: 'C1', subtype: 'bot_message', text: 'x', ts: '1.0' },
      { channel: 'C1', user: 'UBOT', text: 'x', ts: '1.0' },
      {
        channel: 'C1',
        subtype: 'message_changed',
        message: { user: 'UBOT', text: 'b', ts: '1.0' },
        previous_message: { text: 'a' },
      },
      { channel: 'C1', subtype: 'message_deleted', deleted_ts: '1.0', previous_message: { bot_id: 'BBOT' } },
      { channel: 'C1', subtype: 'channel_join', user: 'U1', text: 'joined', ts: '1.0' },
      { channel: 'C1', subtype: 'channel_topic', user: 'U1', text: 'topic', ts: '1.0' },
    ];
    for (const c of cases) expect(classifyMessageEvent(c, self).kind).toBe('ignore');
  });
});

describe('slackTsToDate', () => {
  it('keeps millisecond precision', () => {
    expect(slackTsToDate('1700000000.123456').getTime()).toBe(1700000000123);
  });
});
