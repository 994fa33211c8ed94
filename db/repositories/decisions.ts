import { and, eq, ne, or, sql } from 'drizzle-orm';
import { decisions, findings, messages } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** A finding row to store: code and offsets, never text. */
export interface FindingRecord {
  policy: string;
  code: string;
  severity: string;
  span?: [number, number] | undefined;
  confidence?: number | undefined;
  shadow: boolean;
}

/** A decision to store. */
export interface DecisionRecord {
  messageId: string;
  tier: string;
  verdict: string;
  outcomes: unknown;
  actions: unknown;
  findings: FindingRecord[];
}

/** Stores a decision and its findings; returns null when this message and tier were already decided. */
export async function insertDecision(tx: Executor, record: DecisionRecord): Promise<string | null> {
  const rows = await tx
    .insert(decisions)
    .values({
      messageId: record.messageId,
      tier: record.tier,
      verdict: record.verdict,
      outcomes: record.outcomes,
      actions: record.actions,
    })
    .onConflictDoNothing()
    .returning({ id: decisions.id });
  const id = rows[0]?.id;
  if (!id) return null;
  if (record.findings.length) {
    await tx.insert(findings).values(
      record.findings.map((f) => ({
        decisionId: id,
        messageId: record.messageId,
        policy: f.policy,
        code: f.code,
        severity: f.severity,
        spanStart: f.span?.[0] ?? null,
        spanEnd: f.span?.[1] ?? null,
        confidence: f.confidence ?? null,
        shadow: f.shadow,
      })),
    );
  }
  return id;
}

/** Decisions stored for a message, by tier. */
export async function decisionsFor(db: Executor, messageId: string) {
  return db.select().from(decisions).where(eq(decisions.messageId, messageId));
}

/** Findings stored for a message. */
export async function findingsFor(db: Executor, messageId: string) {
  return db.select().from(findings).where(eq(findings.messageId, messageId));
}

/** True when another version of the same platform message already had a crisis decision that acted. */
export async function crisisAlreadyHandled(db: Executor, rootId: string, exceptId: string): Promise<boolean> {
  const rows = await db
    .select({ id: decisions.id })
    .from(decisions)
    .innerJoin(messages, eq(messages.id, decisions.messageId))
    .where(
      and(
        eq(decisions.tier, 'crisis'),
        ne(decisions.verdict, 'allow'),
        ne(messages.id, exceptId),
        or(eq(messages.id, rootId), eq(messages.editOf, rootId)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** A decision row without findings, for the quiet path. */
export interface QuietDecision {
  tier: string;
  verdict: string;
  outcomes: unknown;
  actions: unknown;
}

/**
 * Records decisions with no findings and marks the message evaluated in ONE statement (one round trip):
 * most messages take this path, and a durable write per message is the pipeline's floor.
 */
export async function recordQuietEvaluation(
  db: Executor,
  messageId: string,
  redactedCipher: Buffer,
  rows: QuietDecision[],
): Promise<void> {
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${messageId}::uuid, ${r.tier}, ${r.verdict}, ${JSON.stringify(r.outcomes)}::jsonb, ${JSON.stringify(r.actions)}::jsonb)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    with d as (
      insert into decisions (message_id, tier, verdict, outcomes, actions) values ${values}
      on conflict do nothing returning id
    )
    update messages set redacted_cipher = ${redactedCipher}, status = 'evaluated'
    where id = ${messageId}::uuid and (select count(*) from d) >= 0`);
}

/** A message row with the tiers already decided, in one query. */
export async function loadForEvaluation(db: Executor, messageId: string) {
  const rows = await db
    .select({
      message: messages,
      tiers: sql<
        string[]
      >`coalesce((select array_agg(tier) from decisions where message_id = ${messages.id}), '{}')`,
    })
    .from(messages)
    .where(eq(messages.id, messageId));
  return rows[0];
}
