import { z } from 'zod';
import type { Policy } from './define-policy.ts';
import { COMMUNITY_ROLES, SPACE_KINDS, SPECIALTIES } from './types.ts';

/** Per-policy switches shared by every policy, with its own settings nested under `settings`. */
function zPolicyEntry(policy: Policy) {
  return z.strictObject({
    enabled: z.boolean().optional(),
    shadow: z.boolean().optional(),
    settings: policy.configSchema.optional(),
  });
}

/** How trustworthy a bridge source is, lowest first (a filter can ask for a minimum). */
export const BRIDGE_QUALITY = ['social', 'news', 'journal', 'systematic_review', 'guideline'] as const;

/** Settings of one bridge subscription, from config or from `/ward bridge add`. */
export const zBridgeSettings = z.strictObject({
  interval_minutes: z.number().min(0.001).max(1440).default(15),
  filters: z
    .strictObject({
      include: z.array(z.string().min(1)).default([]),
      exclude: z.array(z.string().min(1)).default([]),
      /** RE2 syntax (linear time); matched against title and summary. */
      regex: z.string().min(1).max(500).optional(),
      languages: z.array(z.string().min(2)).default([]),
      min_quality: z.enum(BRIDGE_QUALITY).optional(),
    })
    .prefault({}),
  max_age_hours: z.number().positive().default(72),
  rate_per_hour: z.number().int().min(1).default(6),
  daily_cap: z.number().int().min(1).default(30),
  /** Placeholders: {title} {summary} {link} {author}. */
  template: z.string().min(1).max(500).default('{title}\n{summary}\n{link}'),
  publisher: z.strictObject({ name: z.string().min(1), type: z.enum(BRIDGE_QUALITY) }).optional(),
  max_failures: z.number().int().min(1).max(100).default(5),
});

const zBridgeEntry = zBridgeSettings.extend({
  /** A feed URL, `#tag@mastodon.instance`, or `bluesky:<query>`. */
  source: z.string().min(1),
  /** A configured channel's id or name. */
  channel: z.string().min(1),
  paused: z.boolean().default(false),
});

// 40320 minutes = 28 days, Discord's upper bound on a member timeout.
const zModerationSettings = z
  .strictObject({
    /** How long the card's "Time out" button silences a member (Discord only; Slack has no timeouts). */
    timeout_minutes: z.number().int().min(1).max(40_320).default(60),
  })
  .default({ timeout_minutes: 60 });

/** Settings of the repeat-behaviour step (policies/core/repeat-behaviour.ts). */
export const zRepeatBehaviour = z.strictObject({
  enabled: z.boolean().default(true),
  /** Boundary strikes (this message included) within the window that escalate. */
  strikes: z.number().int().min(2).max(100).default(3),
  /** Sliding window in days; a strike older than this no longer counts (fractions allowed, e.g. 0.5). */
  window_days: z.number().positive().max(365).default(7),
  /** Priority of the escalation a repeat opens or raises to (`urgent` pages on-call). */
  priority: z.enum(['routine', 'urgent']).default('routine'),
});

/** Builds the community config schema from the policy registry, so a policy's settings validate once registered. */
export function buildCommunityConfigSchema(policies: Readonly<Record<string, Policy>>) {
  const policyShape: Record<string, ReturnType<typeof zPolicyEntry>> = {};
  for (const [name, policy] of Object.entries(policies)) policyShape[name] = zPolicyEntry(policy);
  const zPolicies = z.strictObject(policyShape).partial();

  const zChannel = z.strictObject({
    platform: z.enum(['slack', 'discord', 'sandbox', 'bridge']),
    id: z.string().min(1),
    name: z.string().min(1).optional(),
    space: z.enum(SPACE_KINDS),
    shadow: z.boolean().default(false),
    policies: zPolicies.default({}),
  });

  const zRoute = z.strictObject({ group: z.string().min(1), on_call: z.string().min(1).optional() });

  return z.strictObject({
    community: z.strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
      name: z.string().min(1),
      locale: z
        .string()
        .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as nl-NL or en-GB')
        .default('en-GB'),
      retention_days: z.number().int().min(1).max(3650).default(30),
      admin_channel: z.strictObject({
        platform: z.enum(['slack', 'discord', 'sandbox']),
        id: z.string().min(1),
      }),
    }),
    channels: z.array(zChannel).default([]),
    policies: zPolicies.default({}),
    roles: z
      .strictObject(Object.fromEntries(COMMUNITY_ROLES.map((r) => [r, z.array(z.string()).default([])])))
      .partial()
      .default({}),
    routing: z
      .strictObject({
        default: zRoute.optional(),
        specialties: z.partialRecord(z.enum(SPECIALTIES), zRoute).default({}),
      })
      .default({ specialties: {} }),
    /** Clinicians verified by an admin; when any are listed, only they count as verified_clinician. */
    clinicians: z
      .array(
        z.strictObject({
          platform: z.enum(['slack', 'discord', 'sandbox']),
          id: z.string().min(1),
          register: z.enum(['BIG', 'NPI', 'GMC', 'NMC', 'AHPRA', 'other']),
          number: z.string().min(1),
          specialty: z.enum(SPECIALTIES).optional(),
          attested_by: z.string().min(1),
          attested_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-25'),
        }),
      )
      .default([]),
    sla: z
      .strictObject({
        urgent_minutes: z.number().positive().max(1440).default(5),
        routine_minutes: z.number().positive().max(10080).default(240),
      })
      .default({ urgent_minutes: 5, routine_minutes: 240 }),
    /** Optional language-model second opinion on uncertain messages (worker/review); off unless the community opts in. */
    review: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** A finding whose confidence lies inside this band counts as uncertain. */
        band: z
          .strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) })
          .default({ min: 0.4, max: 0.75 }),
        /** Also send messages with no finding but a soft signal (a crisis cue ruled out by context, a distress idiom). */
        soft_signals: z.boolean().default(true),
        /** Tokens per UTC day; when used up, calls stop until the next day and moderators are alerted once. */
        daily_token_budget: z.number().int().min(0).default(50_000),
        /** What the model is asked about and may raise. */
        categories: z
          .array(z.enum(['crisis', 'boundary', 'misinformation']))
          .default(['crisis', 'boundary', 'misinformation']),
        /** The model's own confidence at or above which its opinion is applied. */
        min_confidence: z.number().min(0).max(1).default(0.7),
      })
      .default({
        enabled: false,
        band: { min: 0.4, max: 0.75 },
        soft_signals: true,
        daily_token_budget: 50_000,
        categories: ['crisis', 'boundary', 'misinformation'],
        min_confidence: 0.7,
      }),
    /** Repeat behaviour: a member's boundary strikes within a sliding window escalate once they reach `strikes`. */
    repeat_behaviour: zRepeatBehaviour.prefault({}),
    /** Feed and hashtag bridges declared in config (more can be added with `/ward bridge add`). */
    bridges: z.array(zBridgeEntry).default([]),
    /** Moderator actions on cards beyond claim/resolve (worker/moderation). */
    moderation: zModerationSettings,
  });
}

/** A validated community config. */
export type CommunityConfig = z.output<ReturnType<typeof buildCommunityConfigSchema>>;

/** A channel entry of a community config. */
export type ChannelConfig = CommunityConfig['channels'][number];

/** What the runner needs to know about one policy for one channel. */
export interface PolicySettings {
  enabled: boolean;
  shadow: boolean;
  settings: unknown;
}

/** Resolves a policy's switches for a channel: channel entry over community entry over defaults. */
export function resolvePolicySettings(
  config: CommunityConfig,
  channel: ChannelConfig | undefined,
  policyName: string,
): PolicySettings {
  const base = (config.policies as Record<string, Partial<PolicySettings> | undefined>)[policyName] ?? {};
  const over = channel
    ? ((channel.policies as Record<string, Partial<PolicySettings> | undefined>)[policyName] ?? {})
    : {};
  return {
    enabled: over.enabled ?? base.enabled ?? true,
    shadow: Boolean(channel?.shadow) || (over.shadow ?? base.shadow ?? false),
    settings: over.settings ?? base.settings,
  };
}
