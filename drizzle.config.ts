import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates the committed SQL migrations in db/migrations from db/schema. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
