import type { BridgeItem, SourceQuality, SubscriptionKind } from '../../bots/bridges/contract.ts';
import {
  type BridgeItemRow,
  type BridgeSubscriptionRow,
  insertItems,
  itemsByKeys,
  knownHashesInTarget,
  lockTarget,
  type NewBridgeItem,
} from '../../db/repositories/bridges.ts';
import type { BridgeDeps } from './deps.ts';
import { compileFilters } from './filters.ts';
import { type ItemKeys, itemKeys } from './item-keys.ts';
import { pendingPayload } from './item-text.ts';
import type { BridgeSettings } from './settings.ts';
import { targetKeyOf } from './target.ts';

/** An item of this poll with its keys. */
export interface KeyedItem {
  item: BridgeItem;
  keys: ItemKeys;
}

/** What recording a poll's items found. */
export interface RecordOutcome {
  learned: number;
  pending: number;
  skipped: Record<string, number>;
  /** Items already seen whose shown content changed. */
  edits: { row: BridgeItemRow; item: KeyedItem }[];
}

/** Keys every item once (a feed that lists an item twice counts it once). */
export function keyItems(deps: BridgeDeps, items: BridgeItem[]): KeyedItem[] {
  const seen = new Set<string>();
  const out: KeyedItem[] = [];
  for (const item of items) {
    const keys = itemKeys(item, (t) => deps.cipher.mac(t));
    if (seen.has(keys.keyHash)) continue;
    seen.add(keys.keyHash);
    out.push({ item, keys });
  }
  return out;
}

/**
 * Records a poll's items. In the learning phase every item is recorded as `learned` and nothing is posted; after
 * it, new items are filtered, deduplicated against everything the channel has seen from any source, and the rest
 * wait as `pending` (encrypted) for the rate cap. Runs under a per-channel lock so two sources cannot both win.
 */
export async function recordItems(
  deps: BridgeDeps,
  sub: BridgeSubscriptionRow,
  settings: BridgeSettings,
  quality: SourceQuality,
  items: KeyedItem[],
): Promise<RecordOutcome> {
  const now = deps.now();
  const learning = sub.state === 'learning';
  const targetKey = targetKeyOf(sub.targetPlatform, sub.targetChannelId);
  const filters = compileFilters(settings);
  const outcome: RecordOutcome = { learned: 0, pending: 0, skipped: {}, edits: [] };
  const base = (k: KeyedItem) => ({
    subscriptionId: sub.id,
    communityId: sub.communityId,
    targetKey,
    keyHash: k.keys.keyHash,
    urlHash: k.keys.urlHash,
    contentHash: k.keys.contentHash,
    bodyHash: k.keys.bodyHash,
    publishedAt: k.item.publishedAt,
    firstSeenAt: now,
  });
  await deps.db.transaction(async (tx) => {
    await lockTarget(tx, targetKey);
    const existing = new Map(
      (
        await itemsByKeys(
          tx,
          sub.id,
          items.map((k) => k.keys.keyHash),
        )
      ).map((r) => [r.keyHash, r]),
    );
    const fresh = items.filter((k) => !existing.has(k.keys.keyHash));
    for (const k of items) {
      const row = existing.get(k.keys.keyHash);
      if (row && row.bodyHash !== k.keys.bodyHash && row.state !== 'deleted')
        outcome.edits.push({ row, item: k });
    }
    const rows: NewBridgeItem[] = [];
    if (learning) {
      for (const k of fresh) rows.push({ ...base(k), state: 'learned' });
      outcome.learned = rows.length;
    } else {
      const known = await knownHashesInTarget(tx, sub.communityId, targetKey, {
        url: fresh.flatMap((k) => (k.keys.urlHash ? [k.keys.urlHash] : [])),
        content: fresh.flatMap((k) => (k.keys.contentHash ? [k.keys.contentHash] : [])),
      });
      for (const k of fresh) {
        const verdict = compileOutcome(k, filters.test(k.item, k.item.quality ?? quality, now), known);
        if (verdict.state === 'pending') {
          const payload = pendingPayload(k.item, settings, sub.kind as SubscriptionKind, now);
          rows.push({
            ...base(k),
            state: 'pending',
            textCipher: deps.cipher.encrypt(JSON.stringify(payload)),
          });
          outcome.pending++;
          // Later items of this same poll are duplicates of this one.
          if (k.keys.urlHash) known.add(k.keys.urlHash);
          if (k.keys.contentHash) known.add(k.keys.contentHash);
        } else {
          rows.push({ ...base(k), state: verdict.state, reason: verdict.reason });
          outcome.skipped[verdict.reason] = (outcome.skipped[verdict.reason] ?? 0) + 1;
        }
      }
    }
    await insertItems(tx, rows);
  });
  return outcome;
}

function compileOutcome(
  k: KeyedItem,
  filter: ReturnType<ReturnType<typeof compileFilters>['test']>,
  known: Set<string>,
): { state: 'pending' } | { state: 'filtered' | 'too_old' | 'duplicate'; reason: string } {
  if (!filter.pass)
    return { state: filter.reason === 'too_old' ? 'too_old' : 'filtered', reason: filter.reason };
  const dup =
    (k.keys.urlHash !== null && known.has(k.keys.urlHash)) ||
    (k.keys.contentHash !== null && known.has(k.keys.contentHash));
  return dup ? { state: 'duplicate', reason: 'duplicate' } : { state: 'pending' };
}
