import type { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { chainAllPendingAudit } from '../../db/repositories/audit.ts';
import { errorCodeOf } from '../errors.ts';

/** How often the chainer runs: soon after writes (at most every `debounceMs`) and every `intervalMs` regardless. */
export interface AuditChainerOptions {
  debounceMs?: number;
  intervalMs?: number;
  /** Rows chained per transaction. */
  batch?: number;
}

// Runtime events after which fresh audit rows may be waiting to be chained.
const WRITE_EVENTS = ['decided', 'effects', 'sla', 'reviewed'] as const;

/**
 * Hashes committed audit rows into the chain in the background: soon after a write event, and on a timer so rows
 * written without one (moderation, bridge commands, other processes) never stay unchained. Several processes may
 * run one: a round that finds another chainer holding the lock leaves the work to it. Returns a stop function that
 * resolves once a round in flight has finished.
 */
export function startAuditChainer(
  db: Db,
  events: EventEmitter,
  log: Logger,
  options: AuditChainerOptions = {},
): () => Promise<void> {
  const debounceMs = options.debounceMs ?? 200;
  const batch = options.batch ?? 500;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let soon: NodeJS.Timeout | null = null;
  let lastStart = 0;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    lastStart = Date.now();
    running = chainAllPendingAudit(db, { batch, wait: false })
      .then(
        () => {},
        (err) => log.warn({ code: errorCodeOf(err) }, 'audit chaining round failed'),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          notify();
        }
      });
  };
  const notify = () => {
    if (stopped || soon) return;
    soon = setTimeout(
      () => {
        soon = null;
        run();
      },
      Math.max(0, lastStart + debounceMs - Date.now()),
    );
    soon.unref();
  };

  const timer = setInterval(run, options.intervalMs ?? 2000);
  timer.unref();
  for (const name of WRITE_EVENTS) events.on(name, notify);
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (soon) clearTimeout(soon);
    for (const name of WRITE_EVENTS) events.off(name, notify);
    await running;
  };
}
