import { createInterface } from 'node:readline';
import type { WardRuntime } from '../../worker/runtime.ts';
import { parseLine, SANDBOX_HELP } from './parse-line.ts';
import { PERSONAS, type Persona, SANDBOX_WORKSPACE } from './sandbox-config.ts';
import { formatReport, type SandboxSession } from './sandbox-session.ts';

/** Runs the terminal prompt until /quit or end of input. */
export async function runRepl(
  runtime: WardRuntime,
  session: SandboxSession,
  print: (line: string) => void,
): Promise<'quit' | 'eof'> {
  let persona: Persona = 'member';
  let locale: string | null = null;
  let channel = 'peer-support';
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
  });
  const prompt = () => rl.setPrompt(`${persona}@#${channel}> `);
  prompt();
  rl.prompt();
  for await (const line of rl) {
    const cmd = parseLine(line);
    try {
      switch (cmd.kind) {
        case 'quit':
          rl.close();
          return 'quit';
        case 'help':
          print(SANDBOX_HELP);
          break;
        case 'error':
          print(`  ${cmd.message}`);
          break;
        case 'as':
          persona = cmd.persona;
          break;
        case 'lang':
          locale = cmd.locale;
          break;
        case 'post': {
          if (cmd.channel) channel = cmd.channel;
          print(formatReport(await session.post(channel, cmd.text, persona, locale)));
          break;
        }
        case 'action': {
          const r = await runtime.ingest.action({
            platform: 'sandbox',
            workspaceId: SANDBOX_WORKSPACE,
            actionId: cmd.actionId,
            subject: cmd.subject,
            actor: { id: PERSONAS[persona].id, roles: PERSONAS[persona].roles },
          });
          print(`  ${r?.status ?? 'done'}${r?.notice ? `: ${r.notice}` : ''}`);
          break;
        }
        case 'empty':
          break;
      }
    } catch (err) {
      print(`  error: ${(err as Error).message}`);
    }
    prompt();
    rl.prompt();
  }
  return 'eof';
}
