import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The outbox: one row per side effect to perform, with its delivery state. Payload holds ids and template names. */
export const effects = pgTable(
  'effects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    messageId: uuid('message_id'),
    escalationId: uuid('escalation_id'),
    platform: text('platform').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    priority: integer('priority').notNull().default(5),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    platformRef: text('platform_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('effects_state_created').on(t.state, t.createdAt), index('effects_message').on(t.messageId)],
);
