import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/**
 * The permissions Ward asks for, and why: read and answer in channels and threads, remove held
 * messages (Manage Messages), embed moderator cards, reply with a reference (Read Message History), and
 * apply the timeouts moderators confirm on cards (Moderate Members).
 */
export const WARD_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.ModerateMembers;

/** The OAuth2 URL that adds Ward to a server with the minimal permissions and slash commands. */
export function inviteUrl(clientId: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: WARD_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
