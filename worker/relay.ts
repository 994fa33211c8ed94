import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { findPendingEffects, markEffectsQueued } from '../db/repositories/effects.ts';
import { findUnevaluated } from '../db/repositories/messages.ts';
import type { Platform } from '../policies/core/types.ts';
import type { WardQueues } from './queues.ts';

/**
 * The outbox relay: re-enqueues messages and effects whose job may have been lost (Redis down between the
 * commit and the enqueue, a crash in between). Job ids make a re-enqueue of a live job a no-op.
 */
export async function relayOnce(
  db: Db,
  queues: WardQueues,
  olderThanMs: number,
): Promise<{ messages: number; effects: number }> {
  const before = new Date(Date.now() - olderThanMs);
  const messageIds = await findUnevaluated(db, before);
  for (const id of messageIds) await queues.enqueueEvaluate(id);
  const effects = await findPendingEffects(db, before);
  await queues.enqueueDeliver(
    effects.map((e) => ({ id: e.id, platform: e.platform as Platform, priority: e.priority })),
  );
  await markEffectsQueued(
    db,
    effects.map((e) => e.id),
  );
  return { messages: messageIds.length, effects: effects.length };
}

/** Runs the relay every `intervalMs` until stopped; failures are logged by code and retried next round. */
export function startRelay(db: Db, queues: WardQueues, log: Logger, intervalMs = 5000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const n = await relayOnce(db, queues, intervalMs * 2);
      if (n.messages || n.effects) log.info(n, 'relay re-enqueued stranded work');
    } catch (err) {
      log.warn({ code: (err as Error).name }, 'relay round failed');
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
