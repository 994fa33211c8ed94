import type { types } from '@slack/bolt';
import { type ActionButton, type ActionId, isActionId } from '../contract.ts';
import { SPECIALTIES } from '../../policies/core/types.ts';
import { truncate } from './mrkdwn.ts';

/** Prefix of every action_id Ward renders, so its interactivity listener matches only its own buttons. */
export const ACTION_PREFIX = 'ward:';

/** Reads Ward's action id back from a Block Kit action_id (`ward:claim` or `ward:claim:2`). */
export function parseActionId(actionId: string): ActionId | null {
  if (!actionId.startsWith(ACTION_PREFIX)) return null;
  const id = actionId.slice(ACTION_PREFIX.length).split(':')[0] ?? '';
  return isActionId(id) ? id : null;
}

/** The specialty picker's option values carry the subject too (`<subject> <specialty>`): selects have no value. */
export function routeOptionValue(subject: string, specialty: string): string {
  return `${subject} ${specialty}`;
}

/** Splits a route option value back into subject and specialty. */
export function parseRouteOptionValue(value: string): { subject: string; specialty: string } | null {
  const space = value.lastIndexOf(' ');
  if (space <= 0) return null;
  return { subject: value.slice(0, space), specialty: value.slice(space + 1) };
}

/** Renders Ward's buttons as one actions block; `route` becomes a specialty picker. */
export function renderActions(
  buttons: readonly ActionButton[],
  routeLabel: string,
): types.ActionsBlock | null {
  if (buttons.length === 0) return null;
  const used = new Map<string, number>();
  const elements = buttons.slice(0, 25).map((b): types.ActionsBlockElement => {
    const n = used.get(b.id) ?? 0;
    used.set(b.id, n + 1);
    // action_id must be unique within a message.
    const actionId = `${ACTION_PREFIX}${b.id}${n === 0 ? '' : `:${n}`}`;
    if (b.id === 'route') {
      return {
        type: 'static_select',
        action_id: actionId,
        placeholder: { type: 'plain_text', text: truncate(routeLabel, 150) },
        options: SPECIALTIES.map((s) => ({
          text: { type: 'plain_text', text: s.replace(/_/g, ' ') },
          value: routeOptionValue(b.subject, s),
        })),
      };
    }
    return {
      type: 'button',
      action_id: actionId,
      text: { type: 'plain_text', text: truncate(b.label, 75) },
      value: b.subject,
      ...(b.style ? { style: b.style } : {}),
    };
  });
  return { type: 'actions', elements };
}
