import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail, ids and codes only, never text. Writers insert rows unchained (chain columns null);
 * the chainer later gives each a `chain_pos` and a hash over the previous row's hash and its own content.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    communityId: text('community_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    detail: jsonb('detail').notNull(),
    chainPos: bigint('chain_pos', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_community_at').on(t.communityId, t.at),
    uniqueIndex('audit_chain_pos').on(t.chainPos),
    index('audit_unchained').on(t.seq).where(sql`${t.hash} is null`),
  ],
);
