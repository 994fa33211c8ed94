import type { Platform } from '../policies/core/types.ts';
import type { WardCommands } from '../worker/commands/ward-commands.ts';
import type { CommandHandler, CommandRequest } from './discord/commands.ts';
import type { SlashCommandHandler } from './slack/commands.ts';

/** A `/ward` command as adapters parse it; `bridge` carries the words after `/ward bridge`, as the CLI takes them. */
export type ParsedWardCommand =
  | { kind: 'explain'; target: { channelId: string; platformMessageId: string } }
  | { kind: 'status' }
  | { kind: 'config_check' }
  | { kind: 'bridge'; text: string };

const MAY_USE = new Set(['moderator', 'verified_clinician']);

/**
 * Answers parsed `/ward` commands for moderators and verified clinicians; others get a polite refusal. Bridge
 * commands are for moderators only (checked, audited and worded by WardCommands.bridge).
 */
export async function answerWardCommand(
  commands: WardCommands,
  command: ParsedWardCommand,
  request: { platform: Platform; workspaceId: string; user: { id: string; roles: readonly string[] } },
): Promise<string> {
  if (command.kind === 'bridge')
    return commands.bridge(command.text, {
      id: `${request.platform}:${request.user.id}`,
      roles: request.user.roles,
      platform: request.platform,
      workspaceId: request.workspaceId,
    });
  if (!request.user.roles.some((r) => MAY_USE.has(r)))
    return 'Only moderators and verified clinicians can use /ward.';
  switch (command.kind) {
    case 'explain':
      return commands.explain({
        platform: request.platform,
        workspaceId: request.workspaceId,
        ...command.target,
      });
    case 'status':
      return commands.status();
    case 'config_check':
      return commands.configCheck();
  }
}

/** The Slack adapter's `/ward` handler over WardCommands. */
export function slackCommandHandler(commands: WardCommands): SlashCommandHandler {
  return { handle: (command, request) => answerWardCommand(commands, command, request) };
}

/** The Discord adapter's `/ward` handlers over WardCommands. */
export function discordCommandHandler(commands: WardCommands): CommandHandler {
  const ask = (request: CommandRequest, command: ParsedWardCommand) =>
    answerWardCommand(commands, command, {
      platform: 'discord',
      workspaceId: request.workspaceId,
      user: request.actor,
    }).then((text) => ({ text }));
  return {
    explain: (r) =>
      ask(r, { kind: 'explain', target: { channelId: r.channelId, platformMessageId: r.platformMessageId } }),
    status: (r) => ask(r, { kind: 'status' }),
    configCheck: (r) => ask(r, { kind: 'config_check' }),
    bridge: (r) => ask(r, { kind: 'bridge', text: r.text }),
  };
}
