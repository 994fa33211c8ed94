import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_CONFIG_FILE } from '../../bots/sandbox/sandbox-config.ts';
import { parseEnv } from '../../worker/env.ts';
import { ConfigError, loadConfigFile } from '../../worker/load-config.ts';
import { freshDataDir } from '../support/services.ts';

const dir = freshDataDir();
afterAll(() => dir.remove());
const write = (name: string, body: string) => {
  const file = path.join(dir.dir, name);
  writeFileSync(file, body);
  return file;
};

describe('community config', () => {
  it('accepts the shipped sandbox and example configs', () => {
    expect(loadConfigFile(SANDBOX_CONFIG_FILE).channels).toHaveLength(4);
    expect(loadConfigFile('ward.config.example.yaml').community.id).toBe('diabetes-circle');
  });

  it('points errors at the key path', () => {
    const file = write(
      'bad.yaml',
      'community:\n  id: Bad Id\n  name: x\n  admin_channel: { platform: slack, id: C1 }\nchannels:\n  - { platform: slack, id: C2, space: chatroom }\n',
    );
    try {
      loadConfigFile(file);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const issues = (err as ConfigError).issues.join('\n');
      expect(issues).toContain('community.id');
      expect(issues).toContain('channels.0.space');
    }
  });

  it('reports unparseable YAML with the file name', () => {
    const file = write('broken.yaml', 'community: [unclosed');
    expect(() => loadConfigFile(file)).toThrow(/broken\.yaml/);
  });

  it('rejects unknown keys (typos) instead of ignoring them', () => {
    const file = write(
      'typo.yaml',
      'community:\n  id: c\n  name: C\n  admin_channel: { platform: slack, id: C1 }\nchanels: []\n',
    );
    expect(() => loadConfigFile(file)).toThrow(/chanels/);
  });
});

describe('environment', () => {
  it('names the bad variable and uses defaults', () => {
    expect(parseEnv({}).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(() => parseEnv({ WARD_QUEUE_PREFIX: 'a:b' })).toThrow(/WARD_QUEUE_PREFIX/);
    expect(() => parseEnv({ WARD_CONCURRENCY: 'lots' })).toThrow(/WARD_CONCURRENCY/);
  });
});
