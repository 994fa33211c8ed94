import { SANDBOX_CONFIG_FILE } from '../bots/sandbox/sandbox-config.ts';
import { boot, onShutdown } from './boot.ts';
import { startWard } from './runtime.ts';

// `npm run worker`: the evaluate role alone (production runs bots separately with `npm run bots`).
const b = await boot(SANDBOX_CONFIG_FILE);
const runtime = await startWard({ ...b.options, roles: ['worker'] });
b.log.info({ community: b.config.community.id, database: runtime.database.kind }, 'worker running');
onShutdown(b.log, () => runtime.close());
