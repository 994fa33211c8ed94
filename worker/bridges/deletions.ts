import { type BridgeSubscriptionRow, liveItemsSince, updateItem } from '../../db/repositories/bridges.ts';
import { insertEffects } from '../../db/repositories/effects.ts';
import { PRIORITY } from '../queues.ts';
import type { BridgeDeps } from './deps.ts';
import type { KeyedItem } from './record-items.ts';
import { targetKeyOf } from './target.ts';

/**
 * Marks items removed at the source. A source lists its newest items; one we saw that is missing while the page
 * still reaches back past its date was deleted upstream. A waiting item is dropped; a posted one is marked in the
 * channel (its post is updated to say so) and its message is marked deleted, cancelling anything still pending.
 */
export async function markDeletedUpstream(
  deps: BridgeDeps,
  sub: BridgeSubscriptionRow,
  items: KeyedItem[],
): Promise<number> {
  const dates = items.flatMap((k) => (k.item.publishedAt ? [k.item.publishedAt.getTime()] : []));
  if (dates.length === 0) return 0;
  const present = new Set(items.map((k) => k.keys.keyHash));
  const gone = (await liveItemsSince(deps.db, sub.id, new Date(Math.min(...dates)))).filter(
    (r) => !present.has(r.keyHash),
  );
  const now = deps.now();
  for (const row of gone) {
    await updateItem(deps.db, row.id, { state: 'deleted', deletedAt: now, textCipher: null });
    if (row.state !== 'ingested' || !row.messageId) continue;
    await deps.ingest.deleted({
      platform: 'bridge',
      workspaceId: sub.targetWorkspaceId,
      channelId: targetKeyOf(sub.targetPlatform, sub.targetChannelId),
      platformMessageId: `${sub.id}/${row.keyHash}`,
    });
    const [effect] = await insertEffects(deps.db, [
      {
        communityId: sub.communityId,
        messageId: row.messageId,
        platform: 'bridge',
        kind: 'update_message',
        payload: { marker: 'deleted_upstream' },
        priority: PRIORITY.normal,
      },
    ]);
    if (effect)
      await deps.queues.enqueueDeliver([{ id: effect.id, platform: 'bridge', priority: effect.priority }]);
  }
  return gone.length;
}
