import { ConfigError, loadConfigFile } from '../load-config.ts';

/** Validates the config file as it is on disk now (not the copy in force) and says what is wrong, by key path. */
export function checkConfigFile(file: string): string {
  try {
    const config = loadConfigFile(file);
    return `Config OK: ${config.channels.length} channels, ${Object.keys(config.policies).length} policies configured, ${config.clinicians.length} verified clinicians.`;
  } catch (err) {
    if (err instanceof ConfigError)
      return `Config has problems (Ward keeps the last valid version):\n${err.issues.map((i) => `• ${i}`).join('\n')}`;
    return `Config could not be read: ${(err as Error).name}`;
  }
}
