import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.ts';
import { type GuildSpec, guildCreate, message, snowflake, user } from './payloads.ts';
import { FakeRest } from './rest.ts';

/** Options for the loopback Discord. */
export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guild: GuildSpec;
  /** Heartbeat interval sent in HELLO; the client's first beat is a random fraction of it. */
  heartbeatIntervalMs?: number;
}

/**
 * A loopback Discord: REST API under `/api/v10` and the gateway on the same port, enough for
 * discord.js to log in, receive events and make the calls Ward makes. Not a mock of discord.js.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly bot: ReturnType<typeof user>;
  readonly guild: GuildSpec;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  private readonly server: Server;
  private port = 0;

  constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-token';
    this.applicationId = options.applicationId ?? snowflake();
    this.bot = user(this.applicationId, 'Ward', true);
    this.guild = options.guild;
    this.rest = new FakeRest(
      () => `ws://127.0.0.1:${this.port}/gateway`,
      () => this.bot,
    );
    const ready = () => ({
      v: 10,
      user: this.bot,
      guilds: [{ id: this.guild.id, unavailable: true }],
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    });
    const guilds = () => [guildCreate(this.guild, this.guild.members[0]?.user.id ?? this.bot.id)];
    this.gateway = new FakeGateway(this.token, { ready, guilds }, options.heartbeatIntervalMs ?? 45_000);
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith('/api/v10/')) return void res.writeHead(404).end();
      void this.rest.handle(req, res, url.pathname.slice('/api/v10'.length), url.searchParams);
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/gateway')) this.gateway.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The REST base discord.js should use (`rest.api`, or DISCORD_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Stops the server and closes every socket. */
  async stop(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Dispatches MESSAGE_CREATE for a member's message and stores it for REST GETs; returns the payload. */
  postMessage(input: {
    channelId: string;
    authorId: string;
    content: string;
    id?: string;
    bot?: boolean;
    webhookId?: string;
  }) {
    const member = this.guild.members.find((m) => m.user.id === input.authorId);
    const author = member?.user ?? user(input.authorId, undefined, input.bot ?? false);
    const payload = message({
      ...input,
      guildId: this.guild.id,
      author: input.bot ? { ...author, bot: true } : author,
      memberRoles: member?.roles ?? [],
    });
    this.rest.messages.set(payload.id, payload);
    this.gateway.dispatch('MESSAGE_CREATE', payload);
    return payload;
  }

  /** Dispatches MESSAGE_UPDATE with new content; `partial` sends only ids and content, as old gateways did. */
  editMessage(id: string, content: string, options: { partial?: boolean; editedAt?: Date | null } = {}) {
    const stored = this.rest.messages.get(id);
    if (!stored) throw new Error(`unknown message ${id}`);
    const editedAt = options.editedAt === undefined ? new Date() : options.editedAt;
    const updated = { ...stored, content, edited_timestamp: editedAt ? editedAt.toISOString() : null };
    this.rest.messages.set(id, updated);
    const member = stored.member ? { member: stored.member } : {};
    const payload = options.partial
      ? {
          id,
          channel_id: stored.channel_id,
          guild_id: this.guild.id,
          content,
          edited_timestamp: updated.edited_timestamp,
        }
      : { ...updated, guild_id: this.guild.id, ...member };
    this.gateway.dispatch('MESSAGE_UPDATE', payload);
  }

  /** Dispatches MESSAGE_DELETE. */
  deleteMessage(id: string, channelId: string): void {
    this.gateway.dispatch('MESSAGE_DELETE', { id, channel_id: channelId, guild_id: this.guild.id });
  }

  /** Dispatches MESSAGE_DELETE_BULK. */
  bulkDelete(ids: string[], channelId: string): void {
    this.gateway.dispatch('MESSAGE_DELETE_BULK', { ids, channel_id: channelId, guild_id: this.guild.id });
  }

  /** Dispatches INTERACTION_CREATE; returns its id and token for matching the callback. */
  interact(data: Record<string, unknown>): { id: string; token: string } {
    const id = snowflake();
    const token = `itoken-${id}`;
    this.gateway.dispatch('INTERACTION_CREATE', {
      id,
      token,
      application_id: this.applicationId,
      version: 1,
      locale: 'en-US',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      ...data,
    });
    return { id, token };
  }
}
