import type { Db } from '../../db/client.ts';
import { shadowOutcomes } from '../../db/repositories/stats.ts';

/** Per shadow policy: how often it would have acted, and agreement on the items moderators reviewed. */
export interface ShadowRow {
  policy: string;
  wouldHaveActed: number;
  reviewed: number;
  agreed: number;
}

/** Builds the shadow report: a moderator removing the message counts as agreement, approving or dismissing as not. */
export async function shadowReport(db: Db, since: Date): Promise<ShadowRow[]> {
  const rows = await shadowOutcomes(db, since);
  const byPolicy = new Map<string, ShadowRow>();
  for (const r of rows) {
    const row = byPolicy.get(r.policy) ?? { policy: r.policy, wouldHaveActed: 0, reviewed: 0, agreed: 0 };
    row.wouldHaveActed++;
    if (r.resolution) {
      row.reviewed++;
      if (r.resolution === 'removed') row.agreed++;
    }
    byPolicy.set(r.policy, row);
  }
  return [...byPolicy.values()].sort((a, b) => a.policy.localeCompare(b.policy));
}

/** Plain-text shadow report. */
export function formatShadowReport(rows: ShadowRow[]): string {
  if (rows.length === 0) return 'No shadow-mode decisions in this period.';
  return rows
    .map(
      (r) =>
        `• ${r.policy}: would have acted on ${r.wouldHaveActed}; moderators reviewed ${r.reviewed}, agreed on ${r.agreed}${r.reviewed ? ` (${Math.round((100 * r.agreed) / r.reviewed)}%)` : ''}`,
    )
    .join('\n');
}
