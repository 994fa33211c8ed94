/** Builders for the payloads Slack sends; fields follow Slack's documented shapes. */

let eventSeq = 0;

/** A Slack timestamp for the n-th test message. */
export function slackTs(n: number): string {
  return `1700000000.${String(n).padStart(6, '0')}`;
}

/** A `message` event from a member. */
export function messageEvent(fields: {
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}): Record<string, unknown> {
  return { type: 'message', channel_type: 'channel', ...fields };
}

/** A `message_changed` event (an edit of `ts`). */
export function messageChanged(fields: {
  channel: string;
  user: string;
  ts: string;
  text: string;
  previousText: string;
  editedTs: string;
}): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: fields.channel,
    ts: fields.editedTs,
    event_ts: fields.editedTs,
    message: {
      type: 'message',
      user: fields.user,
      text: fields.text,
      ts: fields.ts,
      edited: { user: fields.user, ts: fields.editedTs },
    },
    previous_message: { type: 'message', user: fields.user, text: fields.previousText, ts: fields.ts },
  };
}

/** A `message_deleted` event. */
export function messageDeleted(fields: {
  channel: string;
  deletedTs: string;
  user?: string;
}): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel: fields.channel,
    deleted_ts: fields.deletedTs,
    ts: `${fields.deletedTs.split('.')[0]}.999999`,
    previous_message: { type: 'message', user: fields.user ?? 'U1', ts: fields.deletedTs, text: 'x' },
  };
}

/** An Events API envelope (`event_callback`) around an event; a fresh event_id unless given. */
export function envelope(
  event: Record<string, unknown>,
  teamId = 'T1',
  eventId?: string,
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId ?? `Ev${String(++eventSeq).padStart(8, '0')}`,
    event_time: 1700000000,
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event,
  };
}

/** A block_actions payload for a press on a Ward button (or a pick in Ward's specialty select). */
export function blockActions(fields: {
  user: string;
  channel: string;
  actionId: string;
  value?: string;
  selectedValue?: string;
  teamId?: string;
  responseUrl?: string;
}): Record<string, unknown> {
  const teamId = fields.teamId ?? 'T1';
  const action =
    fields.selectedValue !== undefined
      ? {
          type: 'static_select',
          action_id: fields.actionId,
          block_id: 'b1',
          selected_option: { value: fields.selectedValue, text: { type: 'plain_text', text: 'x' } },
          action_ts: '1700000001.000000',
        }
      : {
          type: 'button',
          action_id: fields.actionId,
          block_id: 'b1',
          value: fields.value,
          text: { type: 'plain_text', text: 'x' },
          action_ts: '1700000001.000000',
        };
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'ward-test' },
    user: { id: fields.user, username: 'someone', team_id: teamId },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: 'trigger-1',
    container: {
      type: 'message',
      message_ts: '1700000000.000001',
      channel_id: fields.channel,
      is_ephemeral: false,
    },
    channel: { id: fields.channel, name: 'admin' },
    message: { type: 'message', ts: '1700000000.000001', text: 'card' },
    response_url: fields.responseUrl ?? 'http://127.0.0.1:9/response/none',
    actions: [action],
  };
}

/** The fields of a `/ward` slash command request. */
export function slashCommand(fields: {
  user: string;
  channel: string;
  text: string;
  responseUrl: string;
  teamId?: string;
}): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: fields.teamId ?? 'T1',
    team_domain: 'ward-test',
    channel_id: fields.channel,
    channel_name: 'general',
    user_id: fields.user,
    user_name: 'someone',
    command: '/ward',
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: 'trigger-2',
  };
}

/** A message shortcut (`message_action`) payload, e.g. "Report to moderators" on a member's message. */
export function messageShortcut(fields: {
  callbackId: string;
  reporter: string;
  channel: string;
  message: { user: string; text: string; ts: string; edited?: { ts: string } };
  teamId?: string;
}): Record<string, unknown> {
  const teamId = fields.teamId ?? 'T1';
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    callback_id: fields.callbackId,
    trigger_id: 'trigger-3',
    action_ts: '1700000002.000000',
    team: { id: teamId, domain: 'ward-test' },
    user: { id: fields.reporter, name: 'reporter', team_id: teamId },
    channel: { id: fields.channel, name: 'peer' },
    message_ts: fields.message.ts,
    message: { type: 'message', ...fields.message },
    response_url: 'http://127.0.0.1:9/response/none',
  };
}
