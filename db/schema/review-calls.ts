import { index, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One language-model review of a message (or a review skipped by a control): ids, model, tokens, latency, outcome
 * and the finding codes of the opinion. Never any text: neither the message, the prompt nor the model's answer.
 */
export const reviewCalls = pgTable(
  'review_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id').notNull(),
    messageId: uuid('message_id'),
    /** Why it was sent: `uncertain` (rules) or `moderator` (asked for). */
    trigger: text('trigger').notNull(),
    /** `chat` (structured opinion) or `moderation` (the provider's moderation endpoint). */
    endpoint: text('endpoint').notNull(),
    model: text('model').notNull(),
    /** opinion | no_opinion | invalid | refused | timeout | rate_limited | error | cached | circuit_open | budget_exhausted | skipped */
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    totalTokens: integer('total_tokens').notNull().default(0),
    latencyMs: integer('latency_ms').notNull().default(0),
    opinionCodes: text('opinion_codes').array().notNull().default([]),
    confidence: real('confidence'),
    /** What the opinion changed: escalation_created | escalation_merged | none. */
    applied: text('applied'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('review_calls_community_created').on(t.communityId, t.createdAt),
    index('review_calls_message').on(t.messageId),
  ],
);
