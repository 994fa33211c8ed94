import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/** Gateway opcodes the fake speaks (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

interface Frame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  backlog: Frame[];
}

/** What the gateway sends after IDENTIFY: READY data and the GUILD_CREATE payloads. */
export interface GatewayWelcome {
  ready: () => Record<string, unknown>;
  guilds: () => Record<string, unknown>[];
}

/** The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay. */
export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  private session: Session | null = null;
  private sessionCounter = 0;
  /** Counters for assertions. */
  readonly stats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0 };
  /** Query strings clients connected with (to check `v=10&encoding=json`). */
  readonly connectQueries: URLSearchParams[] = [];
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly token: string,
    private readonly welcome: GatewayWelcome,
    private readonly heartbeatIntervalMs: number,
  ) {}

  /** Accepts an HTTP upgrade for the gateway path. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.connectQueries.push(new URL(req.url ?? '/', 'http://x').searchParams);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  /** Sends (or, while disconnected, buffers for RESUME) a dispatch event. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error('no gateway session: the client has not identified');
    session.seq += 1;
    const frame: Frame = { op: Op.Dispatch, t, s: session.seq, d };
    session.backlog.push(frame);
    this.socket?.send(JSON.stringify(frame));
  }

  /** Drops the connection without a close frame (as a network failure would); the client should RESUME. */
  drop(): void {
    this.live = false;
    this.socket?.terminate();
    this.socket = null;
  }

  /** Resolves when the client is (again) ready on a live socket, after IDENTIFY or RESUME. */
  whenLive(): Promise<void> {
    if (this.socket && this.live) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private live = false;

  /** Closes every socket. */
  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    this.stats.connections += 1;
    this.socket?.terminate();
    this.socket = ws;
    this.live = false;
    ws.on('message', (data) => this.onFrame(ws, JSON.parse(String(data)) as Frame));
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
    ws.send(
      JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
  }

  private onFrame(ws: WebSocket, frame: Frame): void {
    if (ws !== this.socket) return;
    if (frame.op === Op.Heartbeat) {
      this.stats.heartbeats += 1;
      ws.send(JSON.stringify({ op: Op.HeartbeatAck, d: null }));
    } else if (frame.op === Op.Identify) {
      const d = frame.d as { token?: string };
      if (d.token !== this.token) return void ws.close(4004, 'Authentication failed');
      this.stats.identifies += 1;
      this.sessionCounter += 1;
      this.session = { id: `session-${this.sessionCounter}`, seq: 0, backlog: [] };
      this.dispatch('READY', { ...this.welcome.ready(), session_id: this.session.id });
      for (const guild of this.welcome.guilds()) this.dispatch('GUILD_CREATE', guild);
      this.markLive();
    } else if (frame.op === Op.Resume) {
      const d = frame.d as { token?: string; session_id?: string; seq?: number };
      const session = this.session;
      if (!session || d.session_id !== session.id || d.token !== this.token) {
        return void ws.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      }
      this.stats.resumes += 1;
      const since = d.seq ?? 0;
      for (const missed of session.backlog.filter((f) => (f.s ?? 0) > since)) ws.send(JSON.stringify(missed));
      this.dispatch('RESUMED', {});
      this.markLive();
    }
  }

  private markLive(): void {
    this.live = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
}
