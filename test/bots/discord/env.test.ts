import { describe, expect, it } from 'vitest';
import { parseDiscordEnv } from '../../../bots/discord/env.ts';

describe('parseDiscordEnv', () => {
  it('accepts a token, an application id and an optional API URL', () => {
    const env = parseDiscordEnv({
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(env.DISCORD_API_URL).toBe('http://127.0.0.1:1/api');
  });

  it('names what is wrong without echoing the secret', () => {
    const call = () =>
      parseDiscordEnv({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: 'not-an-id-secretvalue' });
    expect(call).toThrow(/DISCORD_TOKEN.*DISCORD_APPLICATION_ID/);
    expect(call).not.toThrow(/secretvalue/);
  });
});
