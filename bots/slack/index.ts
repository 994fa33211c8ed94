import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { IncomingAction, IngestPort, PlatformDelivery } from '../contract.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { ActionReplies } from './action-replies.ts';
import { buildBoltApp, EVENTS_PATH, type SlackIdentity } from './app.ts';
import { boltLogger } from './bolt-logger.ts';
import { createSlackWebClient } from './web-client.ts';
import type { SlashCommandHandler } from './commands.ts';
import { createSlackDelivery } from './delivery.ts';
import { parseSlackEnv } from './env.ts';
import { EventDedupe } from './event-dedupe.ts';
import { slackLabels } from './labels.ts';
import { registerActionListener } from './listeners/actions.ts';
import { registerCommandListener } from './listeners/commands.ts';
import { registerMessageListener } from './listeners/messages.ts';
import { registerReportListener } from './listeners/report.ts';
import { SlackRoleDirectory } from './role-directory.ts';
import { slackErrorCode } from './web-errors.ts';
import { createLogger } from '../../worker/logger.ts';

export type {
  SlashCommandHandler,
  SlashCommandRequest,
  SlackMessageTarget,
  WardCommand,
} from './commands.ts';
export { ChannelLimiter } from './channel-limiter.ts';
export { createDeferredDelivery, type DeferredDelivery } from '../deferred-delivery.ts';
export { createSlackDelivery, type SlackDeliveryOptions } from './delivery.ts';
export { createSlackWebClient } from './web-client.ts';
export { renderCard } from './render-card.ts';
export { mapSlackRoles } from './roles.ts';

/** What `startSlackAdapter` needs. */
export interface SlackAdapterOptions {
  ingest: IngestPort;
  config: CommunityConfig;
  /** SLACK_BOT_TOKEN, SLACK_APP_TOKEN / SLACK_SIGNING_SECRET, SLACK_ADMIN_USER_TOKEN, SLACK_API_URL, SLACK_MODE, SLACK_PORT. */
  env: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
  /** Runs `/ward` commands; without one the command answers that it is not available yet. */
  commands?: SlashCommandHandler;
  /** Waits between ingest attempts for one event (default 250, 1000, 4000 ms). */
  ingestRetryDelaysMs?: readonly number[];
}

/** A running Slack adapter. */
export interface SlackAdapter {
  delivery: PlatformDelivery;
  /** Start-up warnings for operators (e.g. removal impossible without an admin token). */
  warnings: string[];
  mode: 'socket' | 'http';
  /** The workspace (team) id the bot token belongs to. */
  workspaceId: string;
  /** HTTP mode: the local URL Slack's requests must reach (behind your public HTTPS proxy); null in Socket Mode. */
  eventsUrl: string | null;
  /** Shows the worker's answer to a button press (e.g. a refusal) to the presser only. */
  answerAction(action: IncomingAction, text: string): Promise<boolean>;
  stop(): Promise<void>;
}

const ROLE_REFRESH_MS = 10 * 60_000;

async function identify(client: webApi.WebClient, what: string): Promise<SlackIdentity> {
  try {
    const res = await client.auth.test();
    if (!res.team_id) throw new Error('auth.test returned no team');
    return { teamId: res.team_id, botUserId: res.user_id ?? null, botId: res.bot_id ?? null };
  } catch (err) {
    throw new Error(`Slack rejected ${what} (auth.test: ${slackErrorCode(err)})`);
  }
}

/** Connects Ward to one Slack workspace (Socket Mode or HTTP Events API) and returns its delivery half. */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const settings = parseSlackEnv(options.env);
  const log = (options.logger ?? createLogger('info')).child({ platform: 'slack' });
  const { config } = options;
  const warnings: string[] = [];

  const client = createSlackWebClient(settings.botToken, settings.apiUrl, log);
  const identity = await identify(client, 'SLACK_BOT_TOKEN');
  let adminClient: webApi.WebClient | null = null;
  if (settings.adminUserToken) {
    adminClient = createSlackWebClient(settings.adminUserToken, settings.apiUrl, log);
    const admin = await identify(adminClient, 'SLACK_ADMIN_USER_TOKEN');
    if (admin.teamId !== identity.teamId)
      throw new Error('SLACK_ADMIN_USER_TOKEN belongs to another workspace');
  } else {
    warnings.push(
      "SLACK_ADMIN_USER_TOKEN is not set: Slack bot tokens cannot delete other people's messages, so Ward will not " +
        'remove anything; instead it alerts moderators in the admin channel and privately asks the author to edit.',
    );
  }
  const admin = config.community.admin_channel;
  const adminChannelId = admin.platform === 'slack' ? admin.id : null;
  if (!adminChannelId)
    warnings.push('community.admin_channel is not a Slack channel: removal alerts have nowhere to go.');

  const roles = new SlackRoleDirectory(client, config.roles, log);
  await roles.refresh();
  const refresher = setInterval(() => void roles.refresh(), ROLE_REFRESH_MS);
  refresher.unref();

  const bolt = boltLogger(log);
  const app = buildBoltApp(settings, identity, bolt);
  const replies = new ActionReplies(client, log);
  const deps = {
    ingest: options.ingest,
    self: { workspaceId: identity.teamId, botUserId: identity.botUserId, botId: identity.botId },
    roles,
    dedupe: new EventDedupe(),
    replies,
    commands: options.commands ?? null,
    ingestRetryDelaysMs: options.ingestRetryDelaysMs ?? [250, 1000, 4000],
    labels: slackLabels(config.community.locale),
    client,
    log,
  };
  registerMessageListener(app, deps);
  registerActionListener(app, deps);
  registerCommandListener(app, deps);
  registerReportListener(app, deps);
  app.error(async (err) => {
    log.error({ code: slackErrorCode(err) }, 'slack listener error');
  });

  let eventsUrl: string | null = null;
  try {
    const started = (await app.start(settings.port)) as unknown;
    if (settings.mode === 'http') {
      const address = (started as Server).address() as AddressInfo;
      eventsUrl = `http://127.0.0.1:${address.port}${EVENTS_PATH}`;
    }
  } catch (err) {
    clearInterval(refresher);
    throw new Error(`Slack ${settings.mode} receiver did not start (${slackErrorCode(err)})`);
  }
  for (const w of warnings) log.warn(w);
  log.info({ mode: settings.mode, workspaceId: identity.teamId }, 'slack adapter started');

  return {
    delivery: createSlackDelivery({
      client,
      adminClient,
      adminChannelId,
      locale: config.community.locale,
      logger: log,
    }),
    warnings,
    mode: settings.mode,
    workspaceId: identity.teamId,
    eventsUrl,
    answerAction: (action, text) => replies.answer(action, text),
    async stop() {
      clearInterval(refresher);
      await app.stop();
    },
  };
}
