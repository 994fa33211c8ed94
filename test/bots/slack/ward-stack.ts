import pino from 'pino';
import { createDeferredDelivery, type SlackAdapter, startSlackAdapter } from '../../../bots/slack/index.ts';
import type { CommunityConfig } from '../../../policies/core/community-config.ts';
import { FakeSocketModeServer } from '../../fakes/slack/socket-mode-server.ts';
import { FakeSlackWebApi } from '../../fakes/slack/web-api-server.ts';
import { startHarness, type Harness } from '../../support/ward-harness.ts';
import { ADMIN_TOKEN, APP_TOKEN, BOT_TOKEN } from './support.ts';

/** The loopback Slack API and Socket Mode server, Ward on real Redis + Postgres, and the real Bolt adapter between. */
export interface SlackWardStack {
  api: FakeSlackWebApi;
  socket: FakeSocketModeServer;
  ward: Harness;
  slack: SlackAdapter;
  close(): Promise<void>;
}

/** Starts the whole Slack stack for `config`; `admin` adds an admin user token (Ward can then delete messages). */
export async function startSlackWardStack(config: CommunityConfig, admin: boolean): Promise<SlackWardStack> {
  const api = await FakeSlackWebApi.start({
    [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
    [APP_TOKEN]: { team_id: 'T1', user_id: 'UBOT' },
    [ADMIN_TOKEN]: { team_id: 'T1', user_id: 'UADMIN' },
  });
  api.setGroupMembers('SMODS', ['UMOD']);
  const socket = await FakeSocketModeServer.start();
  api.socketUrl = socket.url;
  const deferred = createDeferredDelivery('slack');
  const ward = await startHarness('postgres', { config, deliveries: [deferred] });
  const slack = await startSlackAdapter({
    ingest: ward.runtime.ingest,
    config,
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: api.url,
      ...(admin ? { SLACK_ADMIN_USER_TOKEN: ADMIN_TOKEN } : {}),
    },
    logger: pino({ level: 'silent' }),
  });
  deferred.resolve(slack.delivery);
  return {
    api,
    socket,
    ward,
    slack,
    async close() {
      await slack.stop();
      await ward.close();
      await socket.close();
      await api.close();
    },
  };
}
