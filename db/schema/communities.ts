import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A community with its validated config (the YAML file is the source; this is the copy in force). */
export const communities = pgTable('communities', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  config: jsonb('config').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
