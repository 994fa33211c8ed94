import type { CommunityRole } from '../../policies/core/types.ts';
import type { WardCommand } from './command-parse.ts';

export type { SlackMessageTarget, WardCommand } from './command-parse.ts';

/** Who ran a `/ward` command, and where. */
export interface SlashCommandRequest {
  platform: 'slack';
  workspaceId: string;
  channelId: string;
  user: { id: string; roles: readonly CommunityRole[] };
}

/**
 * Runs a parsed `/ward` command and returns the answer shown only to the member who ran it. The answer is plain
 * text (it is escaped before it reaches Slack) and must hold redacted text only. Implemented by the worker side.
 */
export interface SlashCommandHandler {
  handle(command: WardCommand, request: SlashCommandRequest): Promise<string>;
}
