import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { IngestPort } from '../contract.ts';
import type { ActionReplies } from './action-replies.ts';
import type { SlashCommandHandler } from './commands.ts';
import type { EventDedupe } from './event-dedupe.ts';
import type { SlackLabels } from './labels.ts';
import type { SlackSelf } from './normalize.ts';
import type { SlackRoleDirectory } from './role-directory.ts';

/** What the inbound listeners share. */
export interface SlackInboundDeps {
  ingest: IngestPort;
  self: SlackSelf;
  roles: SlackRoleDirectory;
  dedupe: EventDedupe;
  replies: ActionReplies;
  commands: SlashCommandHandler | null;
  ingestRetryDelaysMs: readonly number[];
  labels: SlackLabels;
  client: webApi.WebClient;
  log: Logger;
}
