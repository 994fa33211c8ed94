import type { App } from '@slack/bolt';
import { classifyMessageEvent, type SlackMessageEvent } from '../normalize.ts';
import type { SlackInboundDeps } from '../inbound-deps.ts';
import { withRetries } from '../retry.ts';
import { errorCodeOf } from '../../../worker/errors.ts';

/** Registers the `message` listener: new messages, edits and deletions go to ingest, once per event. */
export function registerMessageListener(app: App, deps: SlackInboundDeps): void {
  app.event('message', async ({ event, body, context }) => {
    // Bolt has already acknowledged the event (before any listener runs), so Slack's 3 s window is never at risk.
    const eventId = body.event_id;
    if (eventId && !deps.dedupe.firstTime(eventId)) {
      deps.log.info({ eventId, retryNum: context.retryNum ?? 0 }, 'slack event redelivery ignored');
      return;
    }
    const self = { ...deps.self, workspaceId: body.team_id || deps.self.workspaceId };
    const intent = classifyMessageEvent(event as unknown as SlackMessageEvent, self);
    try {
      if (intent.kind === 'deleted') {
        await withRetries(() => deps.ingest.deleted(intent.ref), deps.ingestRetryDelaysMs);
      } else if (intent.kind === 'message') {
        const { authorId, ...message } = intent.message;
        const author = { id: authorId, roles: deps.roles.rolesOf(authorId) };
        await withRetries(() => deps.ingest.receive({ ...message, author }), deps.ingestRetryDelaysMs);
      }
    } catch (err) {
      if (eventId) deps.dedupe.forget(eventId);
      deps.log.error(
        { eventId, channelId: event.channel, code: errorCodeOf(err) },
        'slack event could not be ingested',
      );
    }
  });

  app.event('subteam_members_changed', async ({ event }) => {
    deps.roles.applyChange(event.subteam_id, event.added_users ?? [], event.removed_users ?? []);
  });
}
