import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
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

/** The `prev_hash` of the first row in the chain. */
export const AUDIT_GENESIS = '0'.repeat(64);

// Serialises chainers across processes. The same key the synchronous chain used, so old and new writers exclude
// each other during an upgrade.
const CHAIN_LOCK = 7374001;

/**
 * The hash that chains a row to its predecessor: the previous hash plus the row's content. `chain_pos` is not
 * hashed (rows chained before it existed keep their hashes); the order is bound by each row naming its
 * predecessor's hash, and verification also requires positions 1, 2, 3, … without gaps.
 */
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

/**
 * Inserts entries unchained in the caller's transaction, so they commit atomically with what they record; no lock
 * is taken. `chainPendingAudit` hashes them into the chain after they commit.
 */
export async function appendAudit(tx: Executor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      ...e,
      // Milliseconds only: Postgres keeps microseconds, JS Dates keep milliseconds; hashing must round-trip.
      at: new Date(Math.floor((e.at ?? new Date()).getTime())),
      detail: e.detail ?? {},
    })),
  );
}

/**
 * Chains up to `limit` committed unchained rows, in `seq` order, after the chain head, in one short transaction
 * holding the chain lock. Returns how many it chained, or null when `wait` is false and another chainer holds the
 * lock (that one is chaining already). Rows committing after the select are chained by a later call.
 */
export async function chainPendingAudit(
  db: Db,
  limit = 500,
  { wait = true }: { wait?: boolean } = {},
): Promise<number | null> {
  return db.transaction(async (tx) => {
    if (wait) await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    else if (!(await tryLock(tx))) return null;
    const [head] = await tx
      .select({ pos: auditLog.chainPos, hash: auditLog.hash })
      .from(auditLog)
      .where(isNotNull(auditLog.chainPos))
      .orderBy(desc(auditLog.chainPos))
      .limit(1);
    const pending = await tx
      .select()
      .from(auditLog)
      .where(isNull(auditLog.hash))
      .orderBy(asc(auditLog.seq))
      .limit(limit);
    if (pending.length === 0) return 0;
    let pos = head?.pos ?? 0;
    let prev = head?.hash ?? AUDIT_GENESIS;
    const values = pending.map((r) => {
      const hash = auditHash(prev, { ...r, detail: r.detail as Record<string, unknown> });
      const value = sql`(${r.seq}::bigint, ${++pos}::bigint, ${prev}::text, ${hash}::text)`;
      prev = hash;
      return value;
    });
    await tx.execute(sql`
      update audit_log set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
      from (values ${sql.join(values, sql`, `)}) as v(seq, pos, prev, hash)
      where audit_log.seq = v.seq and audit_log.hash is null`);
    return pending.length;
  });
}

async function tryLock(tx: Executor): Promise<boolean> {
  const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as locked`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    locked: boolean;
  }[];
  return rows[0]?.locked === true;
}

/** Chains every committed unchained row, batch by batch; returns how many (stops early if another chainer is busy). */
export async function chainAllPendingAudit(
  db: Db,
  { batch = 500, wait = true }: { batch?: number; wait?: boolean } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await chainPendingAudit(db, batch, { wait });
    total += n ?? 0;
    if (n === null || n < batch) return total;
  }
}

/** What verification found: chained rows verified, rows not chained yet, and the first broken row's `seq`. */
export interface AuditChainReport {
  rows: number;
  pending: number;
  brokenAt: number | null;
}

/**
 * Recomputes the chain in `chain_pos` order. A row is broken when its position skips, its `prev_hash` is not its
 * predecessor's hash or its hash does not match its content; a row with some chain fields but no position is
 * broken too. Unchained rows are counted as pending, never as broken.
 */
export async function verifyAuditChain(db: Executor, batch = 5000): Promise<AuditChainReport> {
  let prev = AUDIT_GENESIS;
  let pos = 0;
  const pending = await countPending(db);
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.chainPos, pos))
      .orderBy(asc(auditLog.chainPos))
      .limit(batch);
    for (const r of rows) {
      const expected = auditHash(prev, { ...r, detail: r.detail as Record<string, unknown> });
      if (r.chainPos !== pos + 1 || r.prevHash !== prev || r.hash !== expected) {
        return { rows: pos, pending, brokenAt: r.seq };
      }
      prev = r.hash;
      pos++;
    }
    if (rows.length < batch) break;
  }
  const [stray] = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(isNull(auditLog.chainPos), or(isNotNull(auditLog.hash), isNotNull(auditLog.prevHash))))
    .orderBy(asc(auditLog.seq))
    .limit(1);
  return { rows: pos, pending, brokenAt: stray?.seq ?? null };
}

async function countPending(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(isNull(auditLog.hash), isNull(auditLog.prevHash), isNull(auditLog.chainPos)));
  return Number(row?.n ?? 0);
}

/** A community's audit rows between two instants, oldest first, in pages (for export); chain fields included. */
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
