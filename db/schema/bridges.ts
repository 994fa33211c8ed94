import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';

/** A bridge: one outside source (feed URL, hashtag timeline, search) posting into one community channel. */
export const bridgeSubscriptions = pgTable(
  'bridge_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    /** feed | mastodon | bluesky */
    kind: text('kind').notNull(),
    /** Feed URL, hashtag or search query (public, never member text). */
    source: text('source').notNull(),
    /** API base for hashtag and search sources (the Mastodon instance, the Bluesky AppView). */
    instance: text('instance'),
    targetPlatform: text('target_platform').notNull(),
    targetWorkspaceId: text('target_workspace_id').notNull(),
    targetChannelId: text('target_channel_id').notNull(),
    /** Filters, caps, interval, template and publisher (validated with zBridgeSettings). */
    settings: jsonb('settings').notNull(),
    /** learning | active | paused | removed */
    state: text('state').notNull().default('learning'),
    /** command | config */
    origin: text('origin').notNull(),
    createdBy: text('created_by'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    pausedReason: text('paused_reason'),
    nextPollAfter: timestamp('next_poll_after', { withTimezone: true }),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bridge_subscriptions_community_state').on(t.communityId, t.state)],
);

/**
 * One item a bridge has seen. Keys are keyed MACs (never the URL or title in a plain column); the item text is
 * kept encrypted only while it waits for the rate cap, then dropped.
 */
export const bridgeItems = pgTable(
  'bridge_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => bridgeSubscriptions.id, { onDelete: 'cascade' }),
    communityId: text('community_id').notNull(),
    /** `<platform>/<channel id>` of the target channel: dedupe and caps are per channel. */
    targetKey: text('target_key').notNull(),
    /** MAC of the normalised GUID or URL: the item's identity within its subscription. */
    keyHash: text('key_hash').notNull(),
    urlHash: text('url_hash'),
    /** MAC of the normalised title or body: the same article from another source. */
    contentHash: text('content_hash'),
    /** MAC of everything shown: a change is an edit (a changed date alone is not). */
    bodyHash: text('body_hash').notNull(),
    /** learned | filtered | too_old | duplicate | pending | queued | ingested | deleted */
    state: text('state').notNull(),
    /** Why it was filtered (a filter name, never the matched text). */
    reason: text('reason'),
    textCipher: bytea('text_cipher'),
    messageId: uuid('message_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bridge_items_subscription_key').on(t.subscriptionId, t.keyHash),
    index('bridge_items_target_url').on(t.communityId, t.targetKey, t.urlHash),
    index('bridge_items_target_content').on(t.communityId, t.targetKey, t.contentHash),
    index('bridge_items_target_ingested').on(t.targetKey, t.ingestedAt),
    index('bridge_items_message').on(t.messageId),
  ],
);
