import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { auditLog } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** One audit entry: who did what to which subject, with codes in `detail`, never text. */
export interface AuditEntry {
  communityId: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
  at?: Date;
}

const GENESIS = '0'.repeat(64);

/** The hash that chains a row to its predecessor. */
export function auditHash(prevHash: string, row: Omit<AuditEntry, 'at'> & { at: Date }): string {
  const payload = JSON.stringify([
    prevHash,
    row.communityId,
    row.at.toISOString(),
    row.actor,
    row.action,
    row.subjectType,
    row.subjectId,
    canonical(row.detail ?? {}),
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

// jsonb reorders object keys, so the hash covers a key-sorted form that survives the round trip.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Appends entries under an advisory lock so that concurrent writers cannot fork the chain. */
export async function appendAudit(tx: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(7374001)`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let prev = last[0]?.hash ?? GENESIS;
  const rows = entries.map((e) => {
    // Milliseconds only: Postgres keeps microseconds, JS Dates keep milliseconds; hashing must round-trip.
    const at = new Date(Math.floor((e.at ?? new Date()).getTime()));
    const row = { ...e, at, detail: e.detail ?? {} };
    const hash = auditHash(prev, row);
    const out = { ...row, prevHash: prev, hash };
    prev = hash;
    return out;
  });
  await tx.insert(auditLog).values(rows);
}

/** Recomputes the chain; returns the first broken row's sequence number, or null when intact. */
export async function verifyAuditChain(
  db: Executor,
  batch = 5000,
): Promise<{ rows: number; brokenAt: number | null }> {
  let prev = GENESIS;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${after}`)
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const r of rows) {
      const expected = auditHash(prev, { ...r, detail: r.detail as Record<string, unknown> });
      if (r.prevHash !== prev || r.hash !== expected) return { rows: count, brokenAt: r.seq };
      prev = r.hash;
      count++;
      after = r.seq;
    }
    if (rows.length < batch) return { rows: count, brokenAt: null };
  }
}

/** A community's audit rows between two instants, oldest first, in pages (for export). */
export async function* auditRows(db: Executor, communityId: string, from: Date, to: Date, page = 2000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.communityId, communityId),
          gte(auditLog.at, from),
          lt(auditLog.at, to),
          gt(auditLog.seq, after),
        ),
      )
      .orderBy(asc(auditLog.seq))
      .limit(page);
    yield* rows;
    if (rows.length < page) return;
    after = rows[rows.length - 1]!.seq;
  }
}
