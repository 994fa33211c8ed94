import { App, HTTPReceiver, type Logger as BoltLogger, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { SlackSettings } from './env.ts';

/** Who the bot token belongs to, from `auth.test`. */
export interface SlackIdentity {
  teamId: string;
  botUserId: string | null;
  botId: string | null;
}

/** Path of the HTTP Events API endpoint (events, interactivity and slash commands share it). */
export const EVENTS_PATH = '/slack/events';

function buildReceiver(settings: SlackSettings, logger: BoltLogger): Receiver {
  if (settings.mode === 'http') {
    // processBeforeResponse false: Slack gets its 200 before listeners run (ingest is quick, but the 3 s rule is strict).
    return new HTTPReceiver({
      signingSecret: settings.signingSecret!,
      endpoints: EVENTS_PATH,
      processBeforeResponse: false,
      logger,
    });
  }
  return new SocketModeReceiver({
    appToken: settings.appToken!,
    logger,
    // apps.connections.open goes to the same Web API as everything else (a fake one in tests).
    installerOptions: { clientOptions: { slackApiUrl: settings.apiUrl } },
  });
}

/** Builds the Bolt App for one workspace installation, with the identity `auth.test` already returned. */
export function buildBoltApp(settings: SlackSettings, identity: SlackIdentity, logger: BoltLogger): App {
  return new App({
    receiver: buildReceiver(settings, logger),
    token: settings.botToken,
    botUserId: identity.botUserId ?? undefined,
    botId: identity.botId ?? undefined,
    // auth.test was called once at start-up; Bolt need not call it again.
    tokenVerificationEnabled: false,
    ignoreSelf: true,
    convoStore: false,
    logger,
    clientOptions: { slackApiUrl: settings.apiUrl },
  });
}
