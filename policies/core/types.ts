/** Where a message came from. */
export type Platform = 'slack' | 'discord' | 'sandbox' | 'bridge';

/** The kind of channel a message was posted in; decides which rules apply and how strictly. */
export const SPACE_KINDS = ['peer_support', 'ask_a_clinician', 'clinician_only', 'general'] as const;
/** The kind of channel a message was posted in. */
export type SpaceKind = (typeof SPACE_KINDS)[number];

/** Community roles Ward understands; adapters map platform roles/groups onto these. */
export const COMMUNITY_ROLES = ['member', 'verified_clinician', 'moderator'] as const;
/** A community role. */
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];

/** Professional specialties Ward routes to. */
export const SPECIALTIES = [
  'general_practice',
  'psychiatry',
  'endocrinology',
  'cardiology',
  'oncology',
  'obstetrics',
  'pediatrics',
  'neurology',
  'pharmacy',
  'dermatology',
  'pulmonology',
  'rheumatology',
  'gastroenterology',
] as const;
/** A professional specialty. */
export type Specialty = (typeof SPECIALTIES)[number];

/** How serious a finding is. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** One message as every stage past bots/ sees it; adapters build it, nothing else sees SDK types. */
export interface ChatMessage {
  id: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  threadId: string | null;
  platformMessageId: string;
  author: { id: string; roles: readonly string[] };
  space: SpaceKind;
  text: string;
  sentAt: Date;
  editOf: string | null;
  locale: string | null;
}

/** Something a detector found; offsets index the original message text, never a copy of it. */
export interface Finding {
  code: string;
  severity: Severity;
  span?: [number, number];
  confidence?: number;
  detail?: string;
}

/** Assertion status of a clinical mention (ConText-style). */
export type Assertion = 'present' | 'negated' | 'hypothetical' | 'family' | 'historical';

/** A clinical concept mentioned in a message. */
export interface ConceptMention {
  concept: string;
  kind: 'condition' | 'medication' | 'procedure' | 'symptom';
  assertion: Assertion;
  span: [number, number];
  code?: string;
}

/** What should happen; executors decide how per platform. */
export type Action =
  | { kind: 'redact'; spans: [number, number][] }
  | { kind: 'hold' }
  | { kind: 'remove' }
  | { kind: 'reply_privately'; template: string; resources?: string[] }
  | { kind: 'tag'; concepts: ConceptMention[] }
  | { kind: 'link_evidence'; concepts: string[] }
  | { kind: 'escalate'; priority: 'routine' | 'urgent'; specialty?: Specialty; reason: string };

/** The kind of an action. */
export type ActionKind = Action['kind'];

/** Verdicts, weakest first. */
export const VERDICTS = ['allow', 'flag', 'hold', 'remove'] as const;
/** What a policy concluded about a message. */
export type Verdict = (typeof VERDICTS)[number];

/** A policy's conclusion, as data. */
export interface Decision {
  policy: string;
  verdict: Verdict;
  findings: Finding[];
  actions: Action[];
}
