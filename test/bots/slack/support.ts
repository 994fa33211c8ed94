import pino from 'pino';
import type {
  ActionResult,
  IncomingAction,
  IncomingMessage,
  IngestPort,
  IngestResult,
  MessageRef,
} from '../../../bots/contract.ts';
import { type SlackAdapter, type SlashCommandHandler, startSlackAdapter } from '../../../bots/slack/index.ts';
import { buildCommunityConfigSchema, type CommunityConfig } from '../../../policies/core/community-config.ts';
import { FakeSocketModeServer } from '../../fakes/slack/socket-mode-server.ts';
import { FakeSlackWebApi } from '../../fakes/slack/web-api-server.ts';

export const BOT_TOKEN = 'xoxb-test';
export const APP_TOKEN = 'xapp-test';
export const ADMIN_TOKEN = 'xoxp-admin';
export const SIGNING_SECRET = 'test-signing-secret';

/** An IngestPort that records what the adapter hands it (adapter-level translation tests only). */
export class RecordingIngest implements IngestPort {
  readonly received: IncomingMessage[] = [];
  readonly deletions: Omit<MessageRef, 'authorId' | 'threadId'>[] = [];
  readonly actions: IncomingAction[] = [];
  /** Fails the next n calls, to exercise the adapter's retry. */
  failNext = 0;
  private readonly waiters = new Set<() => void>();

  async receive(message: IncomingMessage): Promise<IngestResult> {
    this.maybeFail();
    this.received.push(message);
    this.notify();
    return { status: 'accepted', messageId: `m-${this.received.length}` };
  }

  async deleted(ref: Omit<MessageRef, 'authorId' | 'threadId'>): Promise<void> {
    this.maybeFail();
    this.deletions.push(ref);
    this.notify();
  }

  /** What `action` answers, as the worker would (e.g. a refusal notice). */
  actionResult: ActionResult | undefined = undefined;

  async action(action: IncomingAction): Promise<ActionResult | undefined> {
    this.maybeFail();
    this.actions.push(action);
    this.notify();
    return this.actionResult;
  }

  /** Resolves once `predicate` holds; rejects after a generous guard timeout. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error('recording ingest: expected calls did not arrive'));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private maybeFail(): void {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('ingest unavailable');
    }
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** A community config with a peer-support channel, an admin channel and role ids. */
export function testConfig(overrides: Partial<Record<string, unknown>> = {}): CommunityConfig {
  return buildCommunityConfigSchema({}).parse({
    community: {
      id: 'test',
      name: 'Test',
      locale: 'en-GB',
      admin_channel: { platform: 'slack', id: 'CADMIN' },
    },
    channels: [{ platform: 'slack', id: 'CPEER', space: 'peer_support' }],
    roles: { moderator: ['SMODS', 'discord:123'], verified_clinician: ['slack:UDOC'] },
    ...overrides,
  });
}

/** A running adapter against the fakes. */
export interface Harness {
  api: FakeSlackWebApi;
  socket: FakeSocketModeServer | null;
  adapter: SlackAdapter;
  ingest: RecordingIngest;
  close(): Promise<void>;
}

/** Starts the fake Web API (and Socket Mode server), then the real adapter pointed at them. */
export async function startHarness(options: {
  mode: 'socket' | 'http';
  admin?: boolean;
  commands?: SlashCommandHandler;
  ingest?: IngestPort;
  config?: CommunityConfig;
}): Promise<Harness> {
  const api = await FakeSlackWebApi.start({
    [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
    [APP_TOKEN]: { team_id: 'T1', user_id: 'UBOT' },
    [ADMIN_TOKEN]: { team_id: 'T1', user_id: 'UADMIN' },
  });
  api.setGroupMembers('SMODS', ['UMOD']);
  const socket = options.mode === 'socket' ? await FakeSocketModeServer.start() : null;
  if (socket) api.socketUrl = socket.url;
  const recording = new RecordingIngest();
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: api.url,
    SLACK_MODE: options.mode,
    SLACK_PORT: '0',
    ...(options.mode === 'socket'
      ? { SLACK_APP_TOKEN: APP_TOKEN }
      : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...(options.admin ? { SLACK_ADMIN_USER_TOKEN: ADMIN_TOKEN } : {}),
  };
  const adapter = await startSlackAdapter({
    ingest: options.ingest ?? recording,
    config: options.config ?? testConfig(),
    env,
    logger: pino({ level: 'silent' }),
    ...(options.commands ? { commands: options.commands } : {}),
  });
  return {
    api,
    socket,
    adapter,
    ingest: recording,
    async close() {
      await adapter.stop();
      await socket?.close();
      await api.close();
    },
  };
}
