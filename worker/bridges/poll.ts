import type { SubscriptionKind } from '../../bots/bridges/contract.ts';
import { requestFor, sourceForBody } from '../../bots/bridges/registry.ts';
import { getSubscription, updateSubscription } from '../../db/repositories/bridges.ts';
import { errorCodeOf } from '../errors.ts';
import { applyEdits } from './apply-edits.ts';
import { markDeletedUpstream } from './deletions.ts';
import type { BridgeDeps } from './deps.ts';
import { drainPending } from './drain.ts';
import { recordFailure } from './failures.ts';
import { BridgeFetchError, fetchGuarded } from './http-fetch.ts';
import { keyItems, recordItems } from './record-items.ts';
import { bridgeSettings } from './settings.ts';

/** What one poll did (counts and codes only). */
export interface PollResult {
  outcome: 'skipped' | 'backing_off' | 'not_modified' | 'learned' | 'polled' | 'failed' | 'paused';
  items: number;
  learned: number;
  pending: number;
  ingested: number;
  edited: number;
  deleted: number;
  skipped: Record<string, number>;
  errorCode?: string;
}

const EMPTY = { items: 0, learned: 0, pending: 0, ingested: 0, edited: 0, deleted: 0, skipped: {} };

/**
 * Polls one subscription: conditional GET through the SSRF guard, parse, record (learning phase, filters, dedupe),
 * apply edits and upstream deletions, then ingest what the rate caps allow. Failures back off and, after
 * `max_failures` in a row, pause the bridge and alert moderators. Never throws for a source's fault.
 */
export async function pollSubscription(deps: BridgeDeps, subscriptionId: string): Promise<PollResult> {
  const sub = await getSubscription(deps.db, subscriptionId);
  if (!sub || (sub.state !== 'active' && sub.state !== 'learning')) return { outcome: 'skipped', ...EMPTY };
  const settings = bridgeSettings(sub.settings);
  const now = deps.now();
  if (sub.nextPollAfter && sub.nextPollAfter > now) return { outcome: 'backing_off', ...EMPTY };
  const target = { kind: sub.kind as SubscriptionKind, source: sub.source, instance: sub.instance };
  let fetched: Awaited<ReturnType<typeof fetchGuarded>>;
  let parsed: ReturnType<typeof keyItems> | null = null;
  let quality = settings.publisher?.type;
  try {
    const request = requestFor(target);
    fetched = await fetchGuarded({ ...request, etag: sub.etag, lastModified: sub.lastModified }, deps.fetch);
    if (fetched.status === 200) {
      const source = sourceForBody(target, fetched.body, fetched.contentType);
      quality ??= source.defaultQuality;
      parsed = keyItems(deps, source.parse(fetched.body, target));
    }
  } catch (err) {
    const code =
      err instanceof BridgeFetchError && err.status ? `bridge_http_${err.status}` : errorCodeOf(err);
    const paused = await recordFailure(deps, sub, settings, code);
    return { outcome: paused ? 'paused' : 'failed', ...EMPTY, errorCode: code };
  }
  const result: PollResult = { outcome: parsed ? 'polled' : 'not_modified', ...EMPTY, skipped: {} };
  if (parsed) {
    const recorded = await recordItems(deps, sub, settings, quality ?? 'news', parsed);
    result.items = parsed.length;
    result.learned = recorded.learned;
    result.pending = recorded.pending;
    result.skipped = recorded.skipped;
    result.edited = await applyEdits(deps, sub, settings, recorded.edits);
    result.deleted = await markDeletedUpstream(deps, sub, parsed);
  }
  const learning = sub.state === 'learning';
  await updateSubscription(deps.db, sub.id, {
    consecutiveFailures: 0,
    lastErrorCode: null,
    nextPollAfter: null,
    lastPolledAt: now,
    etag: fetched.etag ?? sub.etag,
    lastModified: fetched.lastModified ?? sub.lastModified,
    // The first successful poll ends the learning phase: what existed then is history, not news.
    ...(learning && parsed ? { state: 'active' } : {}),
  });
  if (learning) return { ...result, outcome: parsed ? 'learned' : result.outcome };
  result.ingested = await drainPending(deps, sub, settings);
  deps.log.debug(
    { subscriptionId: sub.id, outcome: result.outcome, items: result.items, ingested: result.ingested },
    'bridge polled',
  );
  return result;
}
