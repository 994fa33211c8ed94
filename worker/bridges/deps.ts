import type { Logger } from 'pino';
import type { IngestPort } from '../../bots/contract.ts';
import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../db/crypto.ts';
import type { CommunityState } from '../community.ts';
import type { WardQueues } from '../queues.ts';
import type { BridgeFetchOptions } from './http-fetch.ts';

/** What polling a bridge needs. */
export interface BridgeDeps {
  db: Db;
  cipher: DataCipher;
  ingest: IngestPort;
  queues: WardQueues;
  community: CommunityState;
  log: Logger;
  fetch: BridgeFetchOptions;
  /** The clock (tests move it to cross rate windows and item ages). */
  now: () => Date;
}
