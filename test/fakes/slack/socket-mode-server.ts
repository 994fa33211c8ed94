import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What the client acknowledged an envelope with. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * A loopback Socket Mode server: the URL apps.connections.open hands out. Says `hello` on connect, pings like
 * Slack does, pushes envelopes (events_api, interactive, slash_commands) and resolves with the client's ack.
 */
export class FakeSocketModeServer {
  private socket: WebSocket | null = null;
  private connected: Promise<void>;
  private markConnected!: () => void;
  private readonly acks = new Map<string, (ack: SocketAck) => void>();
  private seq = 0;
  private pinger: NodeJS.Timeout | null = null;

  private constructor(private readonly server: WebSocketServer) {
    this.connected = new Promise((resolve) => {
      this.markConnected = resolve;
    });
    server.on('connection', (ws) => this.accept(ws));
  }

  /** Starts the server on a free loopback port. */
  static async start(): Promise<FakeSocketModeServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new FakeSocketModeServer(server);
  }

  /** The wss-style URL to return from apps.connections.open. */
  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=test`;
  }

  /** Resolves once a client has connected and been greeted. */
  waitForConnection(): Promise<void> {
    return this.connected;
  }

  /** Pushes an envelope and resolves with the client's ack for it. */
  async push(
    type: 'events_api' | 'interactive' | 'slash_commands',
    payload: Record<string, unknown>,
    options: { retryAttempt?: number } = {},
  ): Promise<SocketAck> {
    await this.connected;
    const envelopeId = `env-${++this.seq}`;
    const acked = new Promise<SocketAck>((resolve) => this.acks.set(envelopeId, resolve));
    this.socket!.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: options.retryAttempt ?? 0,
        retry_reason: options.retryAttempt ? 'timeout' : '',
      }),
    );
    return acked;
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    if (this.pinger) clearInterval(this.pinger);
    for (const ws of this.server.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      this.acks.get(ack.envelope_id)?.(ack);
      this.acks.delete(ack.envelope_id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    if (this.pinger) clearInterval(this.pinger);
    this.pinger = setInterval(() => ws.ping('ping'), 5000);
    this.pinger.unref();
    ws.ping('ping');
    this.markConnected();
  }
}
