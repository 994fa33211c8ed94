import type { App, BlockAction } from '@slack/bolt';
import type { IncomingAction } from '../../contract.ts';
import { errorCodeOf } from '../../../worker/errors.ts';
import type { SlackInboundDeps } from '../inbound-deps.ts';
import { parseActionId, parseRouteOptionValue } from '../render-buttons.ts';

/** Translates a block_actions press on one of Ward's buttons into an IncomingAction; null if it is not Ward's. */
export function toIncomingAction(body: BlockAction, fallbackWorkspaceId: string): IncomingAction | null {
  const action = body.actions[0];
  if (!action) return null;
  const actionId = parseActionId(action.action_id);
  if (!actionId) return null;
  const workspaceId = body.team?.id ?? body.user.team_id ?? fallbackWorkspaceId;
  const actor = { id: body.user.id, roles: [] as string[] };
  if (action.type === 'button') {
    if (!action.value) return null;
    return { platform: 'slack', workspaceId, actionId, subject: action.value, actor };
  }
  if (action.type === 'static_select' && action.selected_option) {
    const route = parseRouteOptionValue(action.selected_option.value);
    if (!route) return null;
    return {
      platform: 'slack',
      workspaceId,
      actionId,
      subject: route.subject,
      actor,
      value: route.specialty,
    };
  }
  return null;
}

/** Registers the listener for Ward's buttons on cards and DMs; the worker decides who may do what. */
export function registerActionListener(app: App, deps: SlackInboundDeps): void {
  app.action<BlockAction>({ type: 'block_actions', action_id: /^ward:/ }, async ({ ack, body }) => {
    await ack();
    const parsed = toIncomingAction(body, deps.self.workspaceId);
    if (!parsed) return;
    const action: IncomingAction = {
      ...parsed,
      actor: { id: parsed.actor.id, roles: deps.roles.rolesOf(parsed.actor.id) },
    };
    deps.replies.remember(action, body.channel?.id ?? body.container?.channel_id ?? null);
    try {
      // The worker checks roles; its answer (e.g. a refusal) is shown to the presser only.
      const result = await deps.ingest.action(action);
      if (result?.notice) await deps.replies.answer(action, result.notice);
    } catch (err) {
      deps.log.error(
        { actionId: action.actionId, code: errorCodeOf(err) },
        'slack action could not be forwarded',
      );
      await deps.replies.answer(action, deps.labels.actionFailed);
    }
  });

  // Acknowledge anything else too, so Slack shows no error for a press Ward does not handle.
  app.action({ type: 'block_actions', action_id: /^(?!ward:)/ }, async ({ ack }) => {
    await ack();
  });
}
