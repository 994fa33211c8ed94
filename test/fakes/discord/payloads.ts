/** Builders of Discord API payloads (v10) for the loopback fake; shapes follow the public API docs. */

let counter = 0n;
/** A fresh, increasing snowflake (timestamp bits from now, so discord.js derives sane dates). */
export function snowflake(): string {
  counter += 1n;
  const ms = BigInt(Date.now()) - 1_420_070_400_000n;
  return ((ms << 22n) | (counter & 0x3fffffn)).toString();
}

/** The creation time a snowflake encodes (discord.js derives `createdAt` from it). */
export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + 1_420_070_400_000n));
}

/** A Discord user. */
export function user(id: string, name = `user${id.slice(-4)}`, bot = false) {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null, bot, flags: 0 };
}

/** A guild member as embedded in messages and interactions (no `user`, as MESSAGE_CREATE sends it). */
export function memberStub(roles: string[]) {
  return {
    roles,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
  };
}

/** A role. */
export function role(id: string, name: string, position = 1) {
  return {
    id,
    name,
    permissions: '0',
    position,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: true,
    flags: 0,
  };
}

/** A text (0) or forum (15) channel. */
export function channel(guildId: string, id: string, name: string, type: 0 | 15 = 0) {
  return {
    id,
    guild_id: guildId,
    type,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
  };
}

/** A public thread (11) in a text channel or a forum post. */
export function thread(guildId: string, id: string, parentId: string, name: string, ownerId: string) {
  return {
    id,
    guild_id: guildId,
    type: 11,
    name,
    parent_id: parentId,
    owner_id: ownerId,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
    message_count: 0,
    member_count: 1,
  };
}

/** What the fake's guild is made of. */
export interface GuildSpec {
  id: string;
  name: string;
  roles: ReturnType<typeof role>[];
  channels: ReturnType<typeof channel>[];
  threads: ReturnType<typeof thread>[];
  members: { user: ReturnType<typeof user>; roles: string[] }[];
}

/** A full GUILD_CREATE payload. */
export function guildCreate(spec: GuildSpec, ownerId: string) {
  return {
    id: spec.id,
    name: spec.name,
    icon: null,
    owner_id: ownerId,
    roles: [role(spec.id, '@everyone', 0), ...spec.roles],
    channels: spec.channels,
    threads: spec.threads,
    members: spec.members.map((m) => ({ ...memberStub(m.roles), user: m.user })),
    emojis: [],
    stickers: [],
    features: [],
    member_count: spec.members.length,
    large: false,
    unavailable: false,
    joined_at: new Date(0).toISOString(),
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    premium_tier: 0,
    preferred_locale: 'en-US',
    system_channel_flags: 0,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
  };
}

/** A message object as MESSAGE_CREATE and REST return it. */
export function message(input: {
  id?: string;
  channelId: string;
  guildId?: string | null;
  author: ReturnType<typeof user>;
  memberRoles?: string[] | null;
  content: string;
  editedAt?: Date | null;
  webhookId?: string;
}) {
  const id = input.id ?? snowflake();
  return {
    id,
    channel_id: input.channelId,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
    author: input.author,
    ...(input.guildId && input.memberRoles ? { member: memberStub(input.memberRoles) } : {}),
    ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
    content: input.content,
    timestamp: snowflakeTime(id).toISOString(),
    edited_timestamp: input.editedAt ? input.editedAt.toISOString() : null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}
