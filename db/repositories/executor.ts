import type { Db } from '../client.ts';

/** A transaction handle of either driver. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Anything repositories can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;
