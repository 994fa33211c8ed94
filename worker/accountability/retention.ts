import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { purgeEvidenceCardsBefore } from '../../db/repositories/evidence-cards.ts';
import { purgeTextBefore } from '../../db/repositories/messages.ts';
import type { CommunityState } from '../community.ts';

const DAY_MS = 86_400_000;

/** Purges originals and redacted copies older than the community's retention window; audits the count. */
export async function purgeExpired(db: Db, community: CommunityState, now: Date): Promise<number> {
  const before = new Date(now.getTime() - community.current.community.retention_days * DAY_MS);
  const purged = await purgeTextBefore(db, community.id, before);
  // Card counters of windows that began before the retention horizon have long run out.
  await purgeEvidenceCardsBefore(db, community.id, before);
  if (purged > 0) {
    await db.transaction((tx) =>
      appendAudit(tx, [
        {
          communityId: community.id,
          actor: 'ward:retention',
          action: 'text_purged',
          subjectType: 'community',
          subjectId: community.id,
          detail: { messages: purged, before: before.toISOString() },
        },
      ]),
    );
  }
  return purged;
}

/** Schedules the purge with a BullMQ job scheduler (hourly by default); returns a stop function. */
export async function startRetention(
  db: Db,
  community: CommunityState,
  connect: () => Redis,
  prefix: string,
  log: Logger,
  everyMs = 3_600_000,
): Promise<() => Promise<void>> {
  const connection = connect();
  const queue = new Queue('retention', { connection, prefix });
  queue.on('error', (err) => log.warn({ code: err.name }, 'retention queue problem'));
  await queue.upsertJobScheduler('retention-purge', { every: everyMs }, { name: 'purge', data: {} });
  const worker = new Worker(
    'retention',
    async () => {
      const purged = await purgeExpired(db, community, new Date());
      if (purged) log.info({ purged }, 'retention purge');
    },
    { connection: connect(), prefix },
  );
  worker.on('error', (err) => log.warn({ code: err.name }, 'retention worker problem'));
  return async () => {
    await worker.close();
    await queue.close();
    connection.disconnect();
    (worker.opts.connection as Redis).disconnect();
  };
}
