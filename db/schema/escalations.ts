import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An item for professional moderators: lifecycle open → claimed → resolved | dismissed. */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    messageId: uuid('message_id'),
    /** Why it exists: a policy decision, a member's appeal, or a member's report. */
    kind: text('kind').notNull().default('policy'),
    /** The message author (platform id); pseudonymised on erasure. Used for burst merging and case history. */
    authorId: text('author_id'),
    /** A moderator who may not take this item (the one who made the decision under appeal). */
    excludedActor: text('excluded_actor'),
    priority: text('priority').notNull(),
    specialty: text('specialty'),
    reasons: text('reasons').array().notNull().default([]),
    findingCodes: text('finding_codes').array().notNull().default([]),
    status: text('status').notNull().default('open'),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
    cardPlatform: text('card_platform'),
    cardChannelId: text('card_channel_id'),
    cardMessageId: text('card_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('escalations_status').on(t.communityId, t.status),
    index('escalations_message').on(t.messageId),
    index('escalations_author').on(t.communityId, t.authorId, t.createdAt),
  ],
);
