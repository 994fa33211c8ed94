import type { App, MessageShortcut } from '@slack/bolt';
import type { IncomingAction } from '../../contract.ts';
import { errorCodeOf } from '../../../worker/errors.ts';
import type { SlackInboundDeps } from '../inbound-deps.ts';
import { classifyReportedMessage, type SlackMessageEvent } from '../normalize.ts';

/** callback_id of the "Report to moderators" message shortcut in manifest.yaml. */
export const REPORT_CALLBACK_ID = 'ward_report';

/**
 * Registers the report shortcut: the message is ingested (a no-op if Ward has it) so the report names Ward's
 * message id, then forwarded as a `report` action. The reporter alone sees the answer.
 */
export function registerReportListener(app: App, deps: SlackInboundDeps): void {
  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: REPORT_CALLBACK_ID },
    async ({ ack, shortcut }) => {
      await ack();
      const channel = shortcut.channel.id;
      const workspaceId = shortcut.team?.id ?? deps.self.workspaceId;
      const reporter = shortcut.user.id;
      const action: IncomingAction = {
        platform: 'slack',
        workspaceId,
        actionId: 'report',
        // Ward's own message id when it has (or now takes) the message; otherwise the platform reference.
        subject: `${channel}/${shortcut.message.ts}`,
        actor: { id: reporter, roles: deps.roles.rolesOf(reporter) },
      };
      try {
        const intent = classifyReportedMessage(shortcut.message as SlackMessageEvent, channel, {
          ...deps.self,
          workspaceId,
        });
        if (intent.kind === 'message') {
          const { authorId, ...message } = intent.message;
          const received = await deps.ingest.receive({
            ...message,
            author: { id: authorId, roles: deps.roles.rolesOf(authorId) },
          });
          if (received.status !== 'ignored') action.subject = received.messageId;
        }
        const result = await deps.ingest.action(action);
        await deps.replies.answer(action, result?.notice ?? deps.labels.reportThanks, channel);
      } catch (err) {
        deps.log.error({ actionId: 'report', code: errorCodeOf(err) }, 'slack report could not be forwarded');
        await deps.replies.answer(action, deps.labels.actionFailed, channel);
      }
    },
  );
}
