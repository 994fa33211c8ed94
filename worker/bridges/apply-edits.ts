import type { BridgeSubscriptionRow } from '../../db/repositories/bridges.ts';
import { updateItem } from '../../db/repositories/bridges.ts';
import type { SubscriptionKind } from '../../bots/bridges/contract.ts';
import type { BridgeDeps } from './deps.ts';
import { bridgeMessage } from './drain.ts';
import { pendingPayload } from './item-text.ts';
import type { RecordOutcome } from './record-items.ts';
import type { BridgeSettings } from './settings.ts';

/**
 * Items whose shown content changed at the source: a posted one is ingested again as an edit (evaluated again;
 * when allowed, its post is updated, never reposted); a waiting one gets the new text; others just note it.
 */
export async function applyEdits(
  deps: BridgeDeps,
  sub: BridgeSubscriptionRow,
  settings: BridgeSettings,
  edits: RecordOutcome['edits'],
): Promise<number> {
  const now = deps.now();
  let updated = 0;
  for (const { row, item } of edits) {
    const payload = pendingPayload(item.item, settings, sub.kind as SubscriptionKind, now);
    const patch = { bodyHash: item.keys.bodyHash, editedAt: now };
    if (row.state === 'ingested') {
      await deps.ingest.receive(bridgeMessage(sub, row, payload, true));
      await updateItem(deps.db, row.id, patch);
      updated++;
    } else if (row.state === 'pending' || row.state === 'queued') {
      await updateItem(deps.db, row.id, {
        ...patch,
        textCipher: deps.cipher.encrypt(JSON.stringify(payload)),
      });
    } else {
      await updateItem(deps.db, row.id, patch);
    }
  }
  return updated;
}
