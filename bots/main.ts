import { parseArgs } from 'node:util';
import { boot, onShutdown } from '../worker/boot.ts';
import { startWard } from '../worker/runtime.ts';
import { SandboxDelivery } from './sandbox/delivery.ts';
import { startSandboxHttp } from './sandbox/http.ts';
import { runRepl } from './sandbox/repl.ts';
import { replayFile } from './sandbox/replay.ts';
import { SANDBOX_CONFIG_FILE } from './sandbox/sandbox-config.ts';
import { SandboxSession } from './sandbox/sandbox-session.ts';
import { SANDBOX_HELP } from './sandbox/parse-line.ts';
import { startPlatformAdapters } from './platforms.ts';

// `npm start`: bots and worker in one process; `npm run bots`: the adapters and delivery only.
const { values } = parseArgs({
  options: { role: { type: 'string', default: 'all' }, replay: { type: 'string' } },
  strict: true,
});
if (values.role !== 'all' && values.role !== 'bots') {
  process.stderr.write('--role must be "all" (default) or "bots"\n');
  process.exit(1);
}
const b = await boot(SANDBOX_CONFIG_FILE);
const print = (line: string) => process.stdout.write(`${line}\n`);
const roles: ('worker' | 'bots')[] = values.role === 'bots' ? ['bots'] : ['worker', 'bots'];
const hasPlatform = Boolean(b.env.SLACK_BOT_TOKEN || b.env.DISCORD_TOKEN);

if (hasPlatform && !values.replay) {
  const adapters = await startPlatformAdapters(b, roles);
  onShutdown(b.log, adapters.close);
} else {
  const sandbox = new SandboxDelivery(print);
  const runtime = await startWard({ ...b.options, roles: ['worker', 'bots'], deliveries: [sandbox] });
  const session = new SandboxSession(runtime);
  onShutdown(b.log, () => runtime.close());
  if (values.replay) {
    await replayFile(values.replay, session, print);
    await runtime.close();
    process.exit(0);
  }
  const http = await startSandboxHttp(runtime, session, sandbox, b.env.WARD_SANDBOX_PORT);
  print(`Ward sandbox running (${runtime.database.kind} in ${b.options.dataDir}, config ${b.configFile}).`);
  print(
    `HTTP: POST http://127.0.0.1:${http.port}/messages {"channel":"peer-support","text":"…","as":"member"}`,
  );
  print(SANDBOX_HELP);
  const end = await runRepl(runtime, session, print);
  if (end === 'quit') {
    http.server.close();
    await runtime.close();
    process.exit(0);
  }
  print(`Input closed; still serving HTTP on port ${http.port}. Press Ctrl+C to stop.`);
}
