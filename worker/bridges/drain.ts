import type { IncomingMessage } from '../../bots/contract.ts';
import {
  type BridgeItemRow,
  type BridgeSubscriptionRow,
  countIngestedSince,
  lockTarget,
  markQueued,
  pendingItems,
  queuedItems,
  updateItem,
} from '../../db/repositories/bridges.ts';
import type { Platform } from '../../policies/core/types.ts';
import { expectedMessageId } from '../ingest.ts';
import type { BridgeDeps } from './deps.ts';
import type { PendingPayload } from './item-text.ts';
import type { BridgeSettings } from './settings.ts';
import { targetKeyOf } from './target.ts';

const HOUR_MS = 3_600_000;

/** The message a bridge item is ingested as: platform `bridge`, in its target channel, authored by its source. */
export function bridgeMessage(
  sub: BridgeSubscriptionRow,
  row: Pick<BridgeItemRow, 'keyHash'>,
  payload: PendingPayload,
  edited: boolean,
): IncomingMessage {
  return {
    platform: 'bridge' as Platform,
    workspaceId: sub.targetWorkspaceId,
    channelId: targetKeyOf(sub.targetPlatform, sub.targetChannelId),
    threadId: null,
    platformMessageId: `${sub.id}/${row.keyHash}`,
    author: { id: payload.author, roles: [] },
    text: payload.text,
    sentAt: new Date(payload.sentAt),
    edited,
    locale: payload.language,
  };
}

/** What stays (encrypted) on an ingested item: only what the attribution line needs. */
function keptAfterIngest(deps: BridgeDeps, payload: PendingPayload): Buffer | null {
  return payload.permalink ? deps.cipher.encrypt(JSON.stringify({ permalink: payload.permalink })) : null;
}

/**
 * Ingests waiting items, oldest first, as far as the channel's hourly rate and daily cap allow; the rest keep
 * waiting for a later poll (delayed, never dropped). Returns how many were ingested.
 */
export async function drainPending(
  deps: BridgeDeps,
  sub: BridgeSubscriptionRow,
  settings: BridgeSettings,
): Promise<number> {
  const now = deps.now();
  const targetKey = targetKeyOf(sub.targetPlatform, sub.targetChannelId);
  const batch = await deps.db.transaction(async (tx) => {
    await lockTarget(tx, targetKey);
    // Items queued by a run that crashed before recording them are ingested again (ingest is idempotent).
    const stale = await queuedItems(tx, sub.id);
    const hour = await countIngestedSince(tx, targetKey, new Date(now.getTime() - HOUR_MS));
    const day = await countIngestedSince(tx, targetKey, new Date(now.getTime() - 24 * HOUR_MS));
    const room = Math.min(settings.rate_per_hour - hour, settings.daily_cap - day);
    const next = await pendingItems(tx, sub.id, room);
    await markQueued(
      tx,
      next.map((r) => r.id),
      now,
    );
    return [...stale, ...next];
  });
  let ingested = 0;
  for (const row of batch) {
    if (!row.textCipher) {
      await updateItem(deps.db, row.id, { state: 'deleted', deletedAt: now });
      continue;
    }
    const payload = JSON.parse(deps.cipher.decrypt(row.textCipher)) as PendingPayload;
    const message = bridgeMessage(sub, row, payload, false);
    // Linked before ingest: the post may be rendered (which looks the item up by message id) before receive returns.
    await updateItem(deps.db, row.id, { messageId: expectedMessageId(message, deps.cipher) });
    const result = await deps.ingest.receive(message);
    const messageId = result.status === 'ignored' ? null : result.messageId;
    await updateItem(deps.db, row.id, {
      state: messageId ? 'ingested' : 'filtered',
      reason: messageId ? null : result.status === 'ignored' ? result.reason : null,
      messageId,
      textCipher: messageId ? keptAfterIngest(deps, payload) : null,
    });
    if (messageId) ingested++;
  }
  return ingested;
}
