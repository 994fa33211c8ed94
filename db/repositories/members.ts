import { and, eq } from 'drizzle-orm';
import { members } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** Marks a member erased and replaces their platform id by a pseudonym; returns how many rows changed. */
export async function eraseMember(
  db: Executor,
  m: { platform: string; platformUserId: string; pseudonym: string },
): Promise<number> {
  const rows = await db
    .update(members)
    .set({ platformUserId: m.pseudonym, roles: [], erasedAt: new Date() })
    .where(and(eq(members.platform, m.platform), eq(members.platformUserId, m.platformUserId)))
    .returning({ id: members.id });
  return rows.length;
}
