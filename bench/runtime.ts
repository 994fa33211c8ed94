import type { Logger } from 'pino';
import type { IncomingMessage, IngestPort } from '../bots/contract.ts';
import { type Loaded, loadExport } from '../eval/load-module.ts';
import { evalCommunityConfig } from '../eval/policy-harness.ts';
import type { CommunityConfig } from '../policies/core/community-config.ts';
import type { BenchMessage } from './types.ts';

/** The part of worker/runtime.ts's WardRuntime the bench drives. */
export interface BenchRuntime {
  ingest: IngestPort;
  waitForDecision(messageId: string, timeoutMs: number): Promise<void>;
  waitForEffects?(messageId: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** worker/runtime.ts's startWard, as the bench calls it. */
export type StartWard = (options: {
  databaseUrl?: string;
  dataDir?: string;
  redisUrl: string;
  queuePrefix: string;
  dataKey?: Buffer;
  config: CommunityConfig;
  roles: ('worker' | 'bots')[];
  logger?: Logger;
}) => Promise<BenchRuntime>;

/** Loads startWard, or says why it is not there. */
export function loadStartWard(): Promise<Loaded<StartWard>> {
  return loadExport<StartWard>('worker/runtime.ts', 'startWard');
}

/** The bench community (one sandbox channel per space kind), validated by the registry's schema. */
export async function benchCommunityConfig(): Promise<Loaded<CommunityConfig>> {
  const schema = await loadExport<{ parse(v: unknown): CommunityConfig }>(
    'policies/index.ts',
    'zCommunityConfig',
  );
  return schema.ok ? { ok: true, value: evalCommunityConfig(schema.value) } : schema;
}

/** An incoming sandbox message for a corpus message; `seq` makes the platform id unique in the run. */
export function incomingFor(m: BenchMessage, tag: string, seq: number): IncomingMessage {
  return {
    platform: 'sandbox',
    workspaceId: 'bench',
    channelId: m.space,
    threadId: null,
    platformMessageId: `${tag}-${seq}`,
    author: { id: `bench-author-${seq % 50}`, roles: [m.role] },
    text: m.text,
    sentAt: new Date(),
    edited: false,
    locale: m.lang === 'nl' ? 'nl-NL' : 'en-GB',
  };
}
