import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { inviteUrl, WARD_PERMISSIONS } from '../../../bots/discord/invite.ts';

describe('inviteUrl', () => {
  it('asks for the bot and commands scopes with the minimal permission set', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const granted = new PermissionsBitField(BigInt(url.searchParams.get('permissions')!));
    expect(granted.has(PermissionFlagsBits.ManageMessages)).toBe(true);
    expect(granted.has(PermissionFlagsBits.Administrator)).toBe(false);
    expect(granted.has(PermissionFlagsBits.BanMembers)).toBe(false);
    expect(granted.toArray().sort()).toEqual([
      'EmbedLinks',
      'ManageMessages',
      'ModerateMembers',
      'ReadMessageHistory',
      'SendMessages',
      'SendMessagesInThreads',
      'ViewChannel',
    ]);
    expect(WARD_PERMISSIONS).toBe(granted.bitfield);
  });
});
