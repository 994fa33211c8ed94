import { createServer, type Server } from 'node:http';
import { Gauge, Registry } from 'prom-client';
import type { Platform } from '../policies/core/types.ts';
import { collectStatus } from './commands/status.ts';
import type { WardRuntime } from './runtime.ts';

/** Prometheus metrics computed at scrape time from the database and queues (no per-message state kept). */
export function createMetrics(
  runtime: Pick<WardRuntime, 'database' | 'queues' | 'community'>,
  platforms: Platform[],
): Registry {
  const registry = new Registry();
  const status = () =>
    collectStatus(
      { db: runtime.database.db, queues: runtime.queues, community: runtime.community },
      platforms,
    );
  let last: ReturnType<typeof status> | null = null;
  // One collection per scrape, shared by every gauge.
  const snapshot = () => {
    last ??= status().finally(() => setTimeout(() => (last = null), 100).unref());
    return last;
  };
  new Gauge({
    name: 'ward_open_escalations',
    help: 'Open or claimed escalations',
    labelNames: ['priority', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const o of (await snapshot()).open) this.set({ priority: o.priority, status: o.status }, o.n);
    },
  });
  new Gauge({
    name: 'ward_oldest_open_escalation_seconds',
    help: 'Age of the oldest open or claimed escalation',
    labelNames: ['priority', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const o of (await snapshot()).open)
        this.set({ priority: o.priority, status: o.status }, o.oldestSeconds);
    },
  });
  new Gauge({
    name: 'ward_escalation_seconds',
    help: 'Time to claim and to resolve over the last 7 days',
    labelNames: ['phase', 'quantile'],
    registers: [registry],
    async collect() {
      this.reset();
      const s = await snapshot();
      for (const [phase, v] of [
        ['claim', s.timeToClaimSeconds],
        ['resolve', s.timeToCloseSeconds],
      ] as const) {
        if (v.p50 !== null) this.set({ phase, quantile: '0.5' }, v.p50);
        if (v.p90 !== null) this.set({ phase, quantile: '0.9' }, v.p90);
      }
    },
  });
  new Gauge({
    name: 'ward_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, c] of Object.entries((await snapshot()).queues))
        for (const [state, n] of Object.entries(c)) this.set({ queue, state }, n);
    },
  });
  return registry;
}

/** Serves GET /metrics on loopback. */
export async function serveMetrics(registry: Registry, port: number): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType }).end(body);
    } catch {
      res.writeHead(500).end('metrics unavailable\n');
    }
  });
  await new Promise<void>((resolve, reject) =>
    server.once('error', reject).listen(port, '127.0.0.1', () => resolve()),
  );
  return server;
}
