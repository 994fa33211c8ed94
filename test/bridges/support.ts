import { randomUUID } from 'node:crypto';
import type { OutboundEffect } from '../../bots/contract.ts';
import { DEFAULT_FETCH_OPTIONS } from '../../worker/bridges/http-fetch.ts';
import type { BridgeDeps } from '../../worker/bridges/deps.ts';
import { createLogger } from '../../worker/logger.ts';
import { addBridge } from '../../worker/bridges/commands.ts';
import type { Harness } from '../support/ward-harness.ts';
import type { FixtureItem } from '../fakes/feeds/fixtures.ts';

/** A movable clock for polls. */
export interface TestClock {
  now: Date;
  advanceMinutes(m: number): void;
}

/** A clock starting at `iso`. */
export function testClock(iso = '2026-11-20T12:00:00Z'): TestClock {
  const c = {
    now: new Date(iso),
    advanceMinutes(m: number) {
      c.now = new Date(c.now.getTime() + m * 60_000);
    },
  };
  return c;
}

/** Bridge deps over a running harness (loopback allowed), polled directly for deterministic tests. */
export function bridgeDeps(h: Harness, clock: TestClock, allowPrivate = true): BridgeDeps {
  const r = h.runtime;
  return {
    db: r.database.db,
    cipher: r.cipher,
    ingest: r.ingest,
    queues: r.queues,
    community: r.community,
    log: createLogger('error'),
    fetch: { ...DEFAULT_FETCH_OPTIONS, allowPrivate, timeoutMs: 5000 },
    now: () => clock.now,
  };
}

/** Subscribes a source to a channel as a moderator; fails the test on refusal. */
export async function subscribe(
  h: Harness,
  source: string,
  channel: string,
  settings: Record<string, unknown> = {},
): Promise<string> {
  const r = await addBridge(h.runtime.bridgeCommands, {
    source,
    channel,
    settings,
    actor: 'sandbox:mod',
    workspaceId: 'w1',
  });
  if (!r.ok) throw new Error(r.error);
  return r.subscription.id;
}

/** A fixture item published `minutesAgo` before the clock, with a unique id. */
export function item(
  clock: TestClock,
  title: string,
  minutesAgo: number,
  extra: Partial<FixtureItem> = {},
): FixtureItem {
  const id = extra.id ?? randomUUID();
  return {
    id,
    title,
    summary: `Summary of ${title}.`,
    url: `https://news.example.org/articles/${id}`,
    date: new Date(clock.now.getTime() - minutesAgo * 60_000).toISOString(),
    ...extra,
  };
}

/** The channel posts delivered so far. */
export function posts(
  effects: OutboundEffect[],
): Extract<OutboundEffect, { kind: 'post_message' | 'update_message' }>[] {
  return effects.filter(
    (e): e is Extract<OutboundEffect, { kind: 'post_message' | 'update_message' }> =>
      e.kind === 'post_message' || e.kind === 'update_message',
  );
}
