import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * How many evidence cards a concept got in one thread during the current window: the durable record behind
 * "at most N cards per concept per thread per window". Ids and catalog concept names only, never text.
 */
export const evidenceCards = pgTable(
  'evidence_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    /** `<platform>/<workspace>/<channel>/<thread id, or - for the channel itself>`. */
    threadKey: text('thread_key').notNull(),
    /** A catalog concept id (e.g. `metformin`). */
    concept: text('concept').notNull(),
    /** When the current window began (the first card after the previous window ran out). */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    /** Cards posted in the current window. */
    cards: integer('cards').notNull(),
    /** The message whose card was the latest. */
    lastMessageId: uuid('last_message_id').notNull(),
  },
  (t) => [uniqueIndex('evidence_cards_thread_concept').on(t.communityId, t.threadKey, t.concept)],
);
