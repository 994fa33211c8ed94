import type { Boot } from '../worker/boot.ts';
import { startWard } from '../worker/runtime.ts';

/** Starts the Slack and/or Discord adapters whose tokens are set, with the runtime roles asked for. */
export async function startPlatformAdapters(b: Boot, roles: ('worker' | 'bots')[]): Promise<{ close(): Promise<void> }> {
  const runtime = await startWard({ ...b.options, roles });
  b.log.warn('platform adapters are not wired yet');
  return { close: () => runtime.close() };
}
