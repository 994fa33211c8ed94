import { randomBytes } from 'node:crypto';
import { bridgeSources } from '../../bots/bridges/registry.ts';
import type { BridgeTarget } from '../../bots/bridges/contract.ts';
import { createDataCipher } from '../../db/crypto.ts';
import { keyItems } from '../../worker/bridges/record-items.ts';
import type { BridgeDeps } from '../../worker/bridges/deps.ts';
import {
  atomFeed,
  blueskySearch,
  type FixtureItem,
  jsonFeed,
  mastodonStatuses,
  rssFeed,
} from '../../test/fakes/feeds/fixtures.ts';
import { settledHeapMb } from '../gc.ts';
import type { BenchRow, RowOutcome } from '../types.ts';

const ITEMS = 10_000;
const BUILDERS: Record<string, (items: FixtureItem[]) => string> = {
  atom: atomFeed,
  bluesky: blueskySearch,
  json_feed: jsonFeed,
  mastodon: mastodonStatuses,
  rss: rssFeed,
};
const TARGETS: Record<string, BridgeTarget> = {
  mastodon: { kind: 'mastodon', source: 'diabetes', instance: 'https://mastodon.example' },
  bluesky: { kind: 'bluesky', source: '#diabetes', instance: null },
};

/** A seeded document of `n` items; every tenth repeats an earlier article's link (dedupe has work to do). */
function document(kind: string, n: number): string {
  const items: FixtureItem[] = [];
  for (let i = 0; i < n; i++) {
    const same = i % 10 === 9 ? i - 5 : i;
    items.push({
      id: `item-${i}`,
      title: `Update ${same}: guideline on type 2 diabetes and kidney disease, revision ${same % 7}`,
      summary: `Recommendation ${same} changed for adults with eGFR below 45; see section ${same % 13} for details.`,
      url: `https://guidelines.example.org/articles/${same}?utm_source=feed&utm_medium=rss`,
      date: new Date(Date.UTC(2026, 10, 20) - i * 60_000).toISOString(),
    });
  }
  return (BUILDERS[kind] ?? rssFeed)(items);
}

/** Parse, key (keyed MACs) and deduplicate one document, as a poll does before touching the database. */
function parseAndDedupe(kind: string, body: string, deps: Pick<BridgeDeps, 'cipher'>): number {
  const source = bridgeSources[kind]!;
  const target = TARGETS[kind] ?? { kind: 'feed', source: 'https://x.example/feed', instance: null };
  const keyed = keyItems(deps as BridgeDeps, source.parse(body, target));
  const known = new Set<string>();
  let fresh = 0;
  for (const k of keyed) {
    const dup =
      (k.keys.urlHash && known.has(k.keys.urlHash)) || (k.keys.contentHash && known.has(k.keys.contentHash));
    if (k.keys.urlHash) known.add(k.keys.urlHash);
    if (k.keys.contentHash) known.add(k.keys.contentHash);
    if (!dup) fresh++;
  }
  return fresh;
}

async function measure(kind: string, quick: boolean): Promise<RowOutcome> {
  const deps = { cipher: createDataCipher(randomBytes(32)) };
  parseAndDedupe(kind, document(kind, 500), deps);
  const body = document(kind, ITEMS);
  const times: number[] = [];
  let fresh = 0;
  for (let pass = 0; pass < (quick ? 1 : 3); pass++) {
    const t = performance.now();
    fresh = parseAndDedupe(kind, body, deps);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)]!;
  // Heap held by one parsed, keyed document (items and key sets alive), after full collections.
  const before = settledHeapMb();
  const source = bridgeSources[kind]!;
  const held = keyItems(
    deps as BridgeDeps,
    source.parse(body, TARGETS[kind] ?? { kind: 'feed', source: '', instance: null }),
  );
  const heap = settledHeapMb() - before;
  return {
    row: { items_per_s: Math.round(ITEMS / (ms / 1000)), heap_mb: Math.round(Math.max(heap, 0) * 10) / 10 },
    note: `${kind}: ${ITEMS} items, ${(body.length / 1e6).toFixed(1)} MB, ${fresh} after dedupe, ${held.length} keyed`,
  };
}

/** `bridge.<source>` rows: items/s parsed, keyed and deduplicated from a 10,000-item document, and heap held. */
export const bridgeRows: BenchRow[] = Object.keys(bridgeSources).map((kind) => ({
  name: `bridge.${kind}`,
  run: (ctx) => measure(kind, ctx.quick),
}));
