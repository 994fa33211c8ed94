import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { rssFeed } from '../fakes/feeds/fixtures.ts';
import type { FakeFeedServer } from '../fakes/feeds/server.ts';
import type { Harness } from '../support/ward-harness.ts';

/** The community's audit entries (actor, action, detail), oldest first. */
export async function auditEntries(
  h: Harness,
): Promise<{ actor: string; action: string; subjectId: string; detail: unknown }[]> {
  // Read directly: auditRows binds Date parameters, which postgres.js rejects in a raw sql fragment.
  const rows = await h.runtime.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.communityId, h.runtime.community.id))
    .orderBy(asc(auditLog.seq));
  const out = rows.map((r) => ({
    actor: r.actor,
    action: r.action,
    subjectId: r.subjectId,
    detail: r.detail,
  }));
  return out;
}

/** Serves an RSS feed with two items at `/feed.xml`, an HTML page at `/page.html` and a 404 elsewhere. */
export function serveTestFeeds(feeds: FakeFeedServer): void {
  const date = new Date(Date.now() - 3_600_000).toISOString();
  feeds.set('/feed.xml', {
    body: rssFeed([
      { id: 'g1', title: 'Insulin pump guidance', summary: 'New.', url: 'https://g.example.org/1', date },
      { id: 'g2', title: 'Asthma in adults', summary: 'Revised.', url: 'https://g.example.org/2', date },
    ]),
  });
  feeds.set('/page.html', { body: '<!doctype html><title>Home</title><p>Welcome', contentType: 'text/html' });
}
