import { FakeDiscord } from './fake-discord.ts';
import { channel, role, snowflake, thread, user } from './payloads.ts';

/** The ids of the test guild. */
export const ids = {
  guild: snowflake(),
  peerChannel: snowflake(),
  forum: snowflake(),
  adminChannel: snowflake(),
  thread: snowflake(),
  forumPost: snowflake(),
  modRole: snowflake(),
  clinicianRole: snowflake(),
  member: snowflake(),
  member2: snowflake(),
  moderator: snowflake(),
  otherBot: snowflake(),
};

/** A fresh fake Discord with one guild: a text channel with a thread, a forum with a post, an admin channel. */
export function makeFake(heartbeatIntervalMs?: number): FakeDiscord {
  const memberUser = user(ids.member, 'patient');
  const modUser = user(ids.moderator, 'mod');
  return new FakeDiscord({
    ...(heartbeatIntervalMs ? { heartbeatIntervalMs } : {}),
    guild: {
      id: ids.guild,
      name: 'Health peers',
      roles: [role(ids.modRole, 'Moderator'), role(ids.clinicianRole, 'Clinician')],
      channels: [
        channel(ids.guild, ids.peerChannel, 'peer-support'),
        channel(ids.guild, ids.forum, 'ask-a-clinician', 15),
        channel(ids.guild, ids.adminChannel, 'ward-admin'),
      ],
      threads: [
        thread(ids.guild, ids.thread, ids.peerChannel, 'a thread', ids.member),
        thread(ids.guild, ids.forumPost, ids.forum, 'Forum title', ids.member),
      ],
      members: [
        { user: memberUser, roles: [] },
        { user: user(ids.member2, 'caregiver'), roles: [] },
        { user: modUser, roles: [ids.modRole, ids.clinicianRole] },
      ],
    },
  });
}
