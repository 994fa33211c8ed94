import type { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { type BridgeFetchOptions, DEFAULT_FETCH_OPTIONS } from './http-fetch.ts';
import type { BridgeDeps } from './deps.ts';
import { BridgeScheduler } from './scheduler.ts';

/** Bridge options of `startWard`. */
export interface BridgeRuntimeOptions {
  /** Default true: the worker role schedules and polls bridges. */
  enabled?: boolean;
  /** Lets bridges reach private and loopback addresses (an intranet feed; tests). Default false. */
  allowPrivateNetworks?: boolean;
  /** Other HTTP limits (timeout, size, redirects). */
  fetch?: Partial<BridgeFetchOptions>;
  /** How often config and database changes are picked up (default 30 s). */
  syncIntervalMs?: number;
  /** The clock polls use (tests move it across rate windows). */
  now?: () => Date;
}

/** Creates the worker role's bridge scheduler; each poll is announced as `bridge-polled` (subscriptionId, result). */
export function startBridges(
  base: Omit<BridgeDeps, 'fetch' | 'now'>,
  options: { bridges?: BridgeRuntimeOptions; queuePrefix: string },
  connection: () => Redis,
  events: EventEmitter,
): BridgeScheduler {
  const o = options.bridges ?? {};
  const deps: BridgeDeps = {
    ...base,
    fetch: { ...DEFAULT_FETCH_OPTIONS, ...o.fetch, allowPrivate: o.allowPrivateNetworks ?? false },
    now: o.now ?? (() => new Date()),
  };
  return new BridgeScheduler(deps, {
    connection,
    prefix: options.queuePrefix,
    ...(o.syncIntervalMs ? { syncIntervalMs: o.syncIntervalMs } : {}),
    onPolled: (id, result) => events.emit('bridge-polled', id, result),
  });
}
