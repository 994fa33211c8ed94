import { buildCommunityConfigSchema, type CommunityConfig } from '../../../policies/core/community-config.ts';
import type {
  ActionResult,
  IncomingAction,
  IncomingMessage,
  IngestPort,
  IngestResult,
  MessageRef,
} from '../../../bots/contract.ts';
import { type DiscordAdapter, startDiscordAdapter } from '../../../bots/discord/index.ts';
import type { FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { ids, makeFake } from '../../fakes/discord/test-guild.ts';

export { ids, makeFake };

/** A test-only IngestPort that records what the adapter hands it. */
export class RecordingIngest implements IngestPort {
  readonly received: IncomingMessage[] = [];
  readonly deletes: Omit<MessageRef, 'authorId' | 'threadId'>[] = [];
  readonly actions: IncomingAction[] = [];
  private waiters: (() => void)[] = [];

  async receive(message: IncomingMessage): Promise<IngestResult> {
    this.received.push(message);
    this.notify();
    return { status: 'accepted', messageId: `ward-${message.platformMessageId}` };
  }

  async deleted(ref: Omit<MessageRef, 'authorId' | 'threadId'>): Promise<void> {
    this.deletes.push(ref);
    this.notify();
  }

  /** What the next actions answer (refusals carry a notice). */
  actionResult: ActionResult | undefined = { status: 'done' };

  async action(action: IncomingAction): Promise<ActionResult | undefined> {
    this.actions.push(action);
    this.notify();
    return this.actionResult;
  }

  /** Resolves once `check()` holds, re-checking after every recorded call. */
  async until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** A community config mapping the test guild's roles and channels. */
export function testConfig(): CommunityConfig {
  return buildCommunityConfigSchema({}).parse({
    community: { id: 'test', name: 'Test', admin_channel: { platform: 'discord', id: ids.adminChannel } },
    channels: [
      { platform: 'discord', id: ids.peerChannel, space: 'peer_support' },
      { platform: 'discord', id: ids.forum, space: 'ask_a_clinician' },
    ],
    roles: { moderator: [ids.modRole], verified_clinician: [ids.clinicianRole] },
  });
}

/** Starts a fake and the real adapter against it. */
export async function startBoth(
  options: Partial<Parameters<typeof startDiscordAdapter>[0]> = {},
  heartbeatIntervalMs?: number,
): Promise<{ fake: FakeDiscord; ingest: RecordingIngest; adapter: DiscordAdapter; stop(): Promise<void> }> {
  const fake = await makeFake(heartbeatIntervalMs).start();
  const ingest = new RecordingIngest();
  const adapter = await startDiscordAdapter({
    ingest,
    config: testConfig(),
    env: {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    },
    ...options,
  });
  return {
    fake,
    ingest,
    adapter,
    async stop() {
      await adapter.stop();
      await fake.stop();
    },
  };
}
