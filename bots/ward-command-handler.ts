import type { Platform } from '../policies/core/types.ts';
import type { WardCommands } from '../worker/commands/ward-commands.ts';

/** A `/ward` command as adapters parse it. */
export type ParsedWardCommand =
  | { kind: 'explain'; target: { channelId: string; platformMessageId: string } }
  | { kind: 'status' }
  | { kind: 'config_check' };

const MAY_USE = new Set(['moderator', 'verified_clinician']);

/** Answers parsed `/ward` commands for moderators and verified clinicians; others get a polite refusal. */
export async function answerWardCommand(
  commands: WardCommands,
  command: ParsedWardCommand,
  request: { platform: Platform; workspaceId: string; user: { roles: readonly string[] } },
): Promise<string> {
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
