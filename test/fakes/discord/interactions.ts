import { memberStub, type user } from './payloads.ts';

type User = ReturnType<typeof user>;

/** Where and by whom an interaction happens; no guild means a DM. */
export interface InteractionContext {
  guildId: string | null;
  channelId: string;
  actor: User;
  actorRoles?: string[];
  locale?: string;
}

function origin(ctx: InteractionContext) {
  const who = ctx.guildId
    ? {
        guild_id: ctx.guildId,
        member: { ...memberStub(ctx.actorRoles ?? []), user: ctx.actor, permissions: '0' },
      }
    : { user: ctx.actor };
  const channel = {
    id: ctx.channelId,
    type: ctx.guildId ? 0 : 1,
    ...(ctx.guildId ? { guild_id: ctx.guildId } : {}),
  };
  return {
    ...who,
    channel_id: ctx.channelId,
    channel,
    context: ctx.guildId ? 0 : 1,
    locale: ctx.locale ?? 'en-US',
  };
}

/** INTERACTION_CREATE data for a button press (component_type 2) on `message`. */
export function buttonPress(ctx: InteractionContext, customId: string, message: object) {
  return { ...origin(ctx), type: 3, data: { custom_id: customId, component_type: 2 }, message };
}

/** INTERACTION_CREATE data for a string-select choice (component_type 3). */
export function selectChoice(ctx: InteractionContext, customId: string, values: string[], message: object) {
  return { ...origin(ctx), type: 3, data: { custom_id: customId, component_type: 3, values }, message };
}

/** INTERACTION_CREATE data for `/ward <sub>` or `/ward <group> <sub>` with string options. */
export function slashCommand(
  ctx: InteractionContext,
  commandId: string,
  path: [string] | [string, string],
  options: Record<string, string> = {},
) {
  const leaf = {
    type: 1,
    name: path[path.length - 1],
    options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })),
  };
  const top = path.length === 2 ? [{ type: 2, name: path[0], options: [leaf] }] : [leaf];
  return { ...origin(ctx), type: 2, data: { id: commandId, name: 'ward', type: 1, options: top } };
}

/** INTERACTION_CREATE data for a message context-menu command on `target` (a full message payload). */
export function messageMenu(
  ctx: InteractionContext,
  commandId: string,
  name: string,
  target: { id: string },
) {
  return {
    ...origin(ctx),
    type: 2,
    data: {
      id: commandId,
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}
