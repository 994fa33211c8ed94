import { randomBytes, randomUUID } from 'node:crypto';
import { roundFigure } from './stats.ts';

/** A message-sized table: the columns and indexes of Ward's messages table, without foreign keys. */
export const BENCH_TABLE_DDL = [
  `create table if not exists bench_messages (
    id uuid primary key, community_id text not null, platform text not null, workspace_id text not null,
    platform_channel_id text not null, platform_message_id text not null, thread_id text, author_id text not null,
    author_roles text[] not null default '{}', space text not null, locale text, content_mac text not null,
    text_length integer not null, text_cipher bytea, redacted_cipher bytea, status text not null default 'received',
    sent_at timestamptz not null, received_at timestamptz not null default now())`,
  `create unique index if not exists bench_messages_version on bench_messages
    (platform, workspace_id, platform_channel_id, platform_message_id, content_mac)`,
  'create index if not exists bench_messages_status on bench_messages (status, received_at)',
  'create index if not exists bench_messages_author on bench_messages (platform, workspace_id, author_id)',
];

/** The parameterised single-row insert. */
export const BENCH_INSERT = `insert into bench_messages (id, community_id, platform, workspace_id, platform_channel_id,
  platform_message_id, thread_id, author_id, author_roles, space, locale, content_mac, text_length, text_cipher,
  redacted_cipher, sent_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`;

/** Parameters of one message-sized row (a 200-character message's ciphertexts are ~228 bytes). */
export function benchRowParams(i: number): unknown[] {
  return [
    randomUUID(),
    'bench',
    'sandbox',
    'bench',
    'peer_support',
    `m-${i}`,
    null,
    `author-${i % 50}`,
    ['member'],
    'peer_support',
    'en-GB',
    randomBytes(32).toString('base64url'),
    200,
    randomBytes(228),
    randomBytes(228),
    new Date(),
  ];
}

/** Inserts rows one at a time, each awaited, for at least `minMs`; returns rows per second. */
export async function insertLoop(
  insert: (params: unknown[]) => Promise<unknown>,
  minMs: number,
): Promise<{ rows: number; perSecond: number }> {
  for (let i = 0; i < 20; i++) await insert(benchRowParams(-i - 1));
  let rows = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    await insert(benchRowParams(rows));
    rows++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows, perSecond: roundFigure(rows / seconds) };
}
