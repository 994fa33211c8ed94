import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { messages } from './messages.ts';

/** The merged decision for one message and tier, with every policy's outcome; no text. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    verdict: text('verdict').notNull(),
    outcomes: jsonb('outcomes').notNull(),
    actions: jsonb('actions').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decisions_message_tier').on(t.messageId, t.tier)],
);

/** One finding: a code and offsets into the original, never the text. */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').notNull(),
    policy: text('policy').notNull(),
    code: text('code').notNull(),
    severity: text('severity').notNull(),
    spanStart: integer('span_start'),
    spanEnd: integer('span_end'),
    confidence: real('confidence'),
    shadow: boolean('shadow').notNull().default(false),
  },
  (t) => [index('findings_message').on(t.messageId), index('findings_policy_code').on(t.policy, t.code)],
);
