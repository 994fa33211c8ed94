import { describe, expect, it } from 'vitest';
import { messageLink, parseMessageLink } from '../../../bots/discord/message-link.ts';

describe('parseMessageLink', () => {
  const ids = {
    guildId: '111111111111111111',
    channelId: '222222222222222222',
    messageId: '333333333333333333',
  };

  it('parses discord.com, ptb, canary and discordapp links, with or without <>', () => {
    const link = messageLink(ids.guildId, ids.channelId, ids.messageId);
    expect(parseMessageLink(link)).toEqual(ids);
    expect(parseMessageLink(`<${link.replace('discord.com', 'ptb.discord.com')}>`)).toEqual(ids);
    expect(parseMessageLink(link.replace('discord.com', 'canary.discordapp.com'))).toEqual(ids);
  });

  it('rejects other URLs and text', () => {
    expect(parseMessageLink('https://evil.example/channels/1/2/3')).toBeNull();
    expect(parseMessageLink(`https://discord.com/channels/@me/${ids.channelId}/${ids.messageId}`)).toBeNull();
    expect(parseMessageLink('bekijk dit bericht')).toBeNull();
  });
});
