import { describe, expect, it } from 'vitest';
import { parseMessageLink, parseWardCommand } from '../../../bots/slack/command-parse.ts';

describe('parseWardCommand', () => {
  it('parses status and config check, case-insensitively and with extra spaces', () => {
    expect(parseWardCommand(' Status ')).toEqual({ ok: true, command: { kind: 'status' } });
    expect(parseWardCommand('config   CHECK')).toEqual({ ok: true, command: { kind: 'config_check' } });
  });

  it('parses explain with a message link', () => {
    expect(parseWardCommand('explain https://acme.slack.com/archives/C0123ABC/p1700000000000100')).toEqual({
      ok: true,
      command: {
        kind: 'explain',
        target: { channelId: 'C0123ABC', platformMessageId: '1700000000.000100', threadId: null },
      },
    });
  });

  it('says why other input is not a command', () => {
    expect(parseWardCommand('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseWardCommand('uitleg')).toEqual({ ok: false, reason: 'unknown' });
    expect(parseWardCommand('status now')).toEqual({ ok: false, reason: 'unknown' });
    expect(parseWardCommand('config')).toEqual({ ok: false, reason: 'unknown' });
    expect(parseWardCommand('explain')).toEqual({ ok: false, reason: 'bad_link' });
    expect(parseWardCommand('explain https://example.com/x')).toEqual({ ok: false, reason: 'bad_link' });
  });
});

describe('parseMessageLink', () => {
  it('accepts the <url|label> form Slack sends and reads thread_ts', () => {
    expect(
      parseMessageLink(
        '<https://acme.slack.com/archives/C1/p1700000000000200?thread_ts=1700000000.000100&cid=C1|link>',
      ),
    ).toEqual({ channelId: 'C1', platformMessageId: '1700000000.000200', threadId: '1700000000.000100' });
  });

  it('rejects links that are not message permalinks', () => {
    expect(parseMessageLink('https://acme.slack.com/archives/C1')).toBeNull();
    expect(parseMessageLink('javascript:alert(1)')).toBeNull();
    expect(parseMessageLink('p1700000000000200')).toBeNull();
  });
});
