import type { App } from '@slack/bolt';
import { errorCodeOf } from '../../../worker/errors.ts';
import { parseWardCommand } from '../command-parse.ts';
import type { SlackInboundDeps } from '../inbound-deps.ts';
import { escapeAndFit } from '../mrkdwn.ts';

/** Registers `/ward`: bad input gets the usage at once; a valid command is acked, run, and answered privately. */
export function registerCommandListener(app: App, deps: SlackInboundDeps): void {
  app.command('/ward', async ({ command, ack, respond }) => {
    const parsed = parseWardCommand(command.text);
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', text: deps.labels.usage });
      return;
    }
    if (!deps.commands) {
      await ack({ response_type: 'ephemeral', text: deps.labels.commandUnavailable });
      return;
    }
    await ack();
    const request = {
      platform: 'slack' as const,
      workspaceId: command.team_id || deps.self.workspaceId,
      channelId: command.channel_id,
      user: { id: command.user_id, roles: deps.roles.rolesOf(command.user_id) },
    };
    let text: string;
    try {
      text = escapeAndFit(await deps.commands.handle(parsed.command, request), 3900);
    } catch (err) {
      deps.log.error({ command: parsed.command.kind, code: errorCodeOf(err) }, 'slack command failed');
      text = deps.labels.actionFailed;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  });
}
