import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CommunityConfig } from '../policies/core/community-config.ts';
import { zCommunityConfig } from '../policies/index.ts';

/** Why a config could not be loaded; `issues` name key paths, never values. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`Invalid community config ${file}:\n${issues.map((i) => `  ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates a parsed config object; errors point at the key path. */
export function validateConfig(raw: unknown, file = '(inline)'): CommunityConfig {
  const result = zCommunityConfig.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
  );
}

/** Reads and validates a YAML community config file. */
export function loadConfigFile(file: string): CommunityConfig {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(file, [`(file): ${(err as Error).message.split('\n')[0]}`]);
  }
  return validateConfig(raw, file);
}
