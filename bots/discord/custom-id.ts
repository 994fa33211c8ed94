import { type ActionId, isActionId } from '../contract.ts';

const PREFIX = 'ward';
const ID_PART = /^[A-Za-z0-9_-]{1,64}$/;
// Discord caps custom_id at 100 characters.
const MAX_CUSTOM_ID = 100;

/** What a Ward button or select menu carries in its custom_id: ids only, never text. */
export interface CustomIdParts {
  actionId: ActionId;
  subject: string;
  /** The guild the subject belongs to; set on buttons sent in DMs, where the interaction has no guild. */
  workspaceId: string | null;
}

/** Encodes an action and its subject as a custom_id (`ward:<action>:<subject>[:<guild>]`). */
export function encodeCustomId(parts: CustomIdParts): string {
  if (!ID_PART.test(parts.subject)) throw new Error('custom_id subject must be an id of [A-Za-z0-9_-]{1,64}');
  if (parts.workspaceId !== null && !ID_PART.test(parts.workspaceId))
    throw new Error('workspace id is not an id');
  const id = [PREFIX, parts.actionId, parts.subject, ...(parts.workspaceId ? [parts.workspaceId] : [])].join(
    ':',
  );
  if (id.length > MAX_CUSTOM_ID) throw new Error('custom_id longer than 100 characters');
  return id;
}

/** Decodes a custom_id made by encodeCustomId; null for anything else (other bots' components, tampering). */
export function decodeCustomId(customId: string): CustomIdParts | null {
  const parts = customId.split(':');
  if (parts.length < 3 || parts.length > 4 || parts[0] !== PREFIX) return null;
  const [, action, subject, workspace] = parts;
  if (!action || !isActionId(action)) return null;
  if (!subject || !ID_PART.test(subject)) return null;
  if (workspace !== undefined && !ID_PART.test(workspace)) return null;
  return { actionId: action as ActionId, subject, workspaceId: workspace ?? null };
}
