import type { BridgeSubscriptionRow } from '../../db/repositories/bridges.ts';

/** Problems without a detail. */
type PlainProblem = 'usage' | 'bad_regex' | 'not_a_feed' | 'private_address' | 'bad_url';

/** Problems carrying a detail: what the moderator typed, a rule broken, or a status code (never member text). */
type DetailedProblem =
  | 'unknown_option'
  | 'bad_source'
  | 'unknown_channel'
  | 'bad_settings'
  | 'no_bridge'
  | 'ambiguous_id'
  | 'config_bridge'
  | 'http_status'
  | 'unreachable';

/** Why a bridge command did not do what was asked, as data; each has a text per locale. */
export type BridgeProblem = { code: PlainProblem } | { code: DetailedProblem; detail: string };

/** Every problem code (a test checks each has a text in every locale). */
export type BridgeProblemCode = BridgeProblem['code'];

/** What a `/ward bridge …` command did, as data. */
export type BridgeOutcome =
  | { kind: 'refused' }
  | { kind: 'problem'; problem: BridgeProblem }
  | { kind: 'list'; bridges: BridgeSubscriptionRow[] }
  | { kind: 'added'; subscription: BridgeSubscriptionRow; existed: boolean; items: number | null }
  | { kind: 'changed'; verb: 'pause' | 'resume' | 'remove'; subscription: BridgeSubscriptionRow };
