import type { PlatformDelivery } from './contract.ts';
import type { Platform } from '../policies/core/types.ts';
import type { Boot } from '../worker/boot.ts';
import { WardCommands } from '../worker/commands/ward-commands.ts';
import { startWard } from '../worker/runtime.ts';
import { createDeferredDelivery } from './deferred-delivery.ts';
import { startDiscordAdapter } from './discord/index.ts';
import { startSlackAdapter } from './slack/index.ts';
import { discordCommandHandler, slackCommandHandler } from './ward-command-handler.ts';

/** Starts the Slack and/or Discord adapters whose tokens are set, with the runtime roles asked for. */
export async function startPlatformAdapters(
  b: Boot,
  roles: ('worker' | 'bots')[],
): Promise<{ close(): Promise<void> }> {
  const slackOut = b.env.SLACK_BOT_TOKEN ? createDeferredDelivery('slack') : null;
  const discordOut = b.env.DISCORD_TOKEN ? createDeferredDelivery('discord') : null;
  const deliveries: PlatformDelivery[] = [slackOut, discordOut].filter((d) => d !== null);
  const runtime = await startWard({ ...b.options, roles, deliveries });
  const platforms: Platform[] = deliveries.map((d) => d.platform);
  const commands = new WardCommands(runtime, b.configFile, platforms);
  const stops: (() => Promise<void>)[] = [];
  if (slackOut) {
    const slack = await startSlackAdapter({
      ingest: runtime.ingest,
      config: runtime.community.current,
      env: process.env,
      logger: b.log,
      commands: slackCommandHandler(commands),
    });
    slackOut.resolve(slack.delivery);
    stops.push(() => slack.stop());
    b.log.info({ mode: slack.mode, workspaceId: slack.workspaceId }, 'slack adapter running');
  }
  if (discordOut) {
    const discord = await startDiscordAdapter({
      ingest: runtime.ingest,
      config: () => runtime.community.current,
      env: process.env,
      logger: b.log,
      commands: discordCommandHandler(commands),
    });
    discordOut.resolve(discord.delivery);
    stops.push(() => discord.stop());
    b.log.info('discord adapter running');
  }
  return {
    async close() {
      for (const stop of stops) await stop();
      await runtime.close();
    },
  };
}
