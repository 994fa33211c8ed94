import type { SpaceKind } from '../policies/core/types.ts';

/** One message of the bench corpus. */
export interface BenchMessage {
  id: string;
  text: string;
  space: SpaceKind;
  role: string;
  lang: string;
  /** Where it came from: the dev scenarios or the synthetic chat load. */
  source: 'scenarios' | 'synthetic';
  /** True for scenario messages labelled as a crisis (used by crisis.to_effects). */
  crisis: boolean;
}

/** How big a run is. */
export interface BenchSizes {
  /** Minimum measuring time per stage row, after a warm-up pass. */
  stageMs: number;
  syntheticMessages: number;
  noopJobs: number;
  dbInsertMs: number;
  pipelineSteadyMs: number;
  pipelineSaturationMs: number;
  crisisMs: number;
}

/** Shared inputs of every row. */
export interface BenchContext {
  quick: boolean;
  sizes: BenchSizes;
  corpus: BenchMessage[];
  redisUrl: string;
  /** Admin URL of the PostgreSQL server for throwaway databases, or null to skip postgres rows. */
  postgresUrl: string | null;
  /** A tag unique to this run (queue prefixes, database names). */
  runTag: string;
}

/** A row's figures (numbers only), or why it was skipped. */
export type RowOutcome = { row: Record<string, number>; note?: string } | { skipped: string };

/** A bench row: a stable dotted name and a function measuring it. */
export interface BenchRow {
  name: string;
  run(ctx: BenchContext): Promise<RowOutcome>;
}
