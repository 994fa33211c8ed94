import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackAdapter } from '../../../bots/slack/index.ts';
import { parseSlackEnv } from '../../../bots/slack/env.ts';
import { FakeSlackWebApi } from '../../fakes/slack/web-api-server.ts';
import {
  BOT_TOKEN,
  type Harness,
  RecordingIngest,
  SIGNING_SECRET,
  startHarness,
  testConfig,
} from './support.ts';

describe('startSlackAdapter', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('warns at start-up that removal is impossible without an admin user token', async () => {
    h = await startHarness({ mode: 'http' });
    expect(h.adapter.warnings.join(' ')).toMatch(/SLACK_ADMIN_USER_TOKEN is not set.*cannot delete/);
    expect(h.adapter.workspaceId).toBe('T1');
  });

  it('has no such warning with an admin token, and removes with it', async () => {
    h = await startHarness({ mode: 'http', admin: true });
    expect(h.adapter.warnings).toEqual([]);
    await h.adapter.delivery.deliver({
      kind: 'remove',
      effectId: 'e1',
      target: {
        platform: 'slack',
        workspaceId: 'T1',
        channelId: 'CPEER',
        threadId: null,
        platformMessageId: '1.000001',
        authorId: 'U2',
      },
    });
    expect(h.api.callsTo('chat.delete')).toHaveLength(1);
  });

  it('loads the configured user groups once at start-up', async () => {
    h = await startHarness({ mode: 'http' });
    expect(h.api.callsTo('usergroups.users.list').map((c) => c.args.usergroup)).toEqual(['SMODS']);
  });

  it('fails fast, naming the variable, when Slack rejects the bot token', async () => {
    const api = await FakeSlackWebApi.start({});
    try {
      await expect(
        startSlackAdapter({
          ingest: new RecordingIngest(),
          config: testConfig(),
          env: {
            SLACK_BOT_TOKEN: BOT_TOKEN,
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_API_URL: api.url,
            SLACK_PORT: '0',
          },
          logger: pino({ level: 'silent' }),
        }),
      ).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (auth.test: invalid_auth)');
    } finally {
      await api.close();
    }
  });
});

describe('parseSlackEnv', () => {
  it('defaults to Socket Mode and needs the app token for it', () => {
    expect(parseSlackEnv({ SLACK_BOT_TOKEN: 'b', SLACK_APP_TOKEN: 'a' })).toMatchObject({
      mode: 'socket',
      apiUrl: 'https://slack.com/api/',
      adminUserToken: null,
    });
    expect(() => parseSlackEnv({ SLACK_BOT_TOKEN: 'b' })).toThrow(
      /SLACK_APP_TOKEN: required for Socket Mode/,
    );
  });

  it('chooses HTTP with only a signing secret, or with SLACK_MODE=http', () => {
    expect(parseSlackEnv({ SLACK_BOT_TOKEN: 'b', SLACK_SIGNING_SECRET: 's' }).mode).toBe('http');
    expect(() => parseSlackEnv({ SLACK_BOT_TOKEN: 'b', SLACK_APP_TOKEN: 'a', SLACK_MODE: 'http' })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
  });

  it('names a missing bot token and a bad URL; treats empty strings as unset', () => {
    expect(() => parseSlackEnv({ SLACK_API_URL: 'nope' })).toThrow(/SLACK_BOT_TOKEN[\s\S]*SLACK_API_URL/);
    expect(
      parseSlackEnv({ SLACK_BOT_TOKEN: 'b', SLACK_APP_TOKEN: 'a', SLACK_ADMIN_USER_TOKEN: '' })
        .adminUserToken,
    ).toBeNull();
    expect(
      parseSlackEnv({ SLACK_BOT_TOKEN: 'b', SLACK_APP_TOKEN: 'a', SLACK_API_URL: 'http://x/api' }).apiUrl,
    ).toBe('http://x/api/');
  });
});
