/** The ids in a Discord message link. */
export interface MessageLink {
  guildId: string;
  channelId: string;
  messageId: string;
}

const LINK =
  /^<?https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/channels\/(\d{15,22})\/(\d{15,22})\/(\d{15,22})\/?>?$/;

/** Parses `https://discord.com/channels/<guild>/<channel>/<message>` (also ptb/canary/discordapp); null otherwise. */
export function parseMessageLink(input: string): MessageLink | null {
  const match = LINK.exec(input.trim());
  if (!match) return null;
  const [, guildId, channelId, messageId] = match;
  return { guildId: guildId!, channelId: channelId!, messageId: messageId! };
}

/** Builds the jump link of a message. */
export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}
