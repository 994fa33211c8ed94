import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPORT_CALLBACK_ID } from '../../../bots/slack/listeners/report.ts';

const manifest = parse(readFileSync(new URL('../../../bots/slack/manifest.yaml', import.meta.url), 'utf8'));

// Each scope with what needs it; a scope no longer needed should leave the manifest too.
const NEEDED_BOT_SCOPES = {
  'channels:history': 'message.channels',
  'groups:history': 'message.groups',
  'chat:write': 'chat.postMessage / chat.update / chat.postEphemeral',
  'im:write': 'conversations.open',
  commands: '/ward',
  'usergroups:read': 'usergroups.users.list, subteam_members_changed',
};

describe('bots/slack/manifest.yaml', () => {
  it('asks for exactly the bot scopes Ward uses, and only chat:write as a user (for the admin token)', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(NEEDED_BOT_SCOPES).sort());
    expect(manifest.oauth_config.scopes.user).toEqual(['chat:write']);
  });

  it('subscribes to exactly the events the listeners handle', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'message.channels',
      'message.groups',
      'subteam_members_changed',
    ]);
  });

  it('declares the report shortcut the listener answers to', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: REPORT_CALLBACK_ID }),
    ]);
  });

  it('declares /ward, interactivity and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/ward']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
