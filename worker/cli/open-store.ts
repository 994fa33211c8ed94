import { existsSync } from 'node:fs';
import { SANDBOX_CONFIG_FILE } from '../../bots/sandbox/sandbox-config.ts';
import { type Database, openDatabase } from '../../db/client.ts';
import { createDataCipher, type DataCipher, loadOrCreateKeyFile, parseDataKey } from '../../db/crypto.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { parseEnv } from '../env.ts';
import { loadConfigFile } from '../load-config.ts';

/** The database, cipher and community config an operator command works on (no queues). */
export async function openStore(): Promise<{
  database: Database;
  cipher: DataCipher;
  config: CommunityConfig;
}> {
  const env = parseEnv();
  const file = env.WARD_CONFIG ?? (existsSync('ward.config.yaml') ? 'ward.config.yaml' : SANDBOX_CONFIG_FILE);
  const config = loadConfigFile(file);
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.WARD_DATA_DIR,
    poolSize: 2,
  });
  const cipher = createDataCipher(
    env.WARD_DATA_KEY ? parseDataKey(env.WARD_DATA_KEY) : loadOrCreateKeyFile(env.WARD_DATA_DIR),
  );
  return { database, cipher, config };
}

/** Runs an operator command, printing a readable error and exiting non-zero on failure. */
export async function runCommand(main: () => Promise<number>): Promise<void> {
  try {
    process.exit(await main());
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
