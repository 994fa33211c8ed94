import type { ChannelConfig, CommunityConfig } from '../policies/core/community-config.ts';
import type { Policy, PolicyContext } from '../policies/core/define-policy.ts';
import { type RunResult, runPolicies } from '../policies/core/run-policies.ts';
import { type ChatMessage, SPACE_KINDS, type SpaceKind } from '../policies/core/types.ts';
import { normalizeText } from '../policies/detect/normalize.ts';
import { type Loaded, loadExport } from './load-module.ts';

/** Runs the policy registry on one eval message. */
export interface PolicyHarness {
  registry: Readonly<Record<string, Policy>>;
  run(input: HarnessMessage): RunResult;
}

/** What an eval record contributes to a ChatMessage. */
export interface HarnessMessage {
  id: string;
  text: string;
  space: SpaceKind;
  role: string;
  lang: string;
}

// Fixed so that runs are reproducible; policies never read the clock.
const EVAL_NOW = new Date('2025-01-15T12:00:00Z');

/** The locale a data set language code stands for. */
export const localeOf = (lang: string): string => (lang.startsWith('nl') ? 'nl-NL' : 'en-GB');

/** Loads the registry (optionally one policy) and builds an eval community with one channel per space kind. */
export async function loadPolicyHarness(only?: string): Promise<Loaded<PolicyHarness>> {
  const reg = await loadExport<Readonly<Record<string, Policy>>>('policies/index.ts', 'availablePolicies');
  if (!reg.ok) return reg;
  const schema = await loadExport<{ parse(v: unknown): CommunityConfig }>(
    'policies/index.ts',
    'zCommunityConfig',
  );
  if (!schema.ok) return schema;
  let registry = reg.value;
  if (only) {
    const policy = registry[only];
    if (!policy)
      return {
        ok: false,
        reason: `no registered policy named ${only} (have: ${Object.keys(registry).join(', ') || 'none'})`,
      };
    registry = { [only]: policy };
  }
  return { ok: true, value: createPolicyHarness(registry, schema.value) };
}

/** A harness over `registry` with an eval community holding one sandbox channel per space kind. */
export function createPolicyHarness(
  registry: Readonly<Record<string, Policy>>,
  zConfig: { parse(v: unknown): CommunityConfig },
): PolicyHarness {
  const config = zConfig.parse({
    community: {
      id: 'eval',
      name: 'Eval',
      locale: 'en-GB',
      admin_channel: { platform: 'sandbox', id: 'admin' },
    },
    channels: SPACE_KINDS.map((space) => ({ platform: 'sandbox', id: space, space })),
  });
  const channels = new Map<string, ChannelConfig>(config.channels.map((c) => [c.id, c]));
  return {
    registry,
    run(input) {
      const ctx = policyContext(chatMessage(input), localeOf(input.lang));
      return runPolicies(registry, config, channels.get(input.space), ctx);
    },
  };
}

/** A community with one sandbox channel per space kind, whose channel id is the space kind's name. */
export function evalCommunityConfig(zConfig: { parse(v: unknown): CommunityConfig }): CommunityConfig {
  return zConfig.parse({
    community: {
      id: 'eval',
      name: 'Eval',
      locale: 'en-GB',
      admin_channel: { platform: 'sandbox', id: 'admin' },
    },
    channels: SPACE_KINDS.map((space) => ({ platform: 'sandbox', id: space, space })),
  });
}

/** The ChatMessage an eval record stands for; each record has its own author so nothing carries over. */
export function chatMessage(input: HarnessMessage): ChatMessage {
  return {
    id: input.id,
    platform: 'sandbox',
    workspaceId: 'eval',
    channelId: input.space,
    threadId: null,
    platformMessageId: input.id,
    author: { id: `author-${input.id}`, roles: [input.role] },
    space: input.space,
    text: input.text,
    sentAt: EVAL_NOW,
    editOf: null,
    locale: localeOf(input.lang),
  };
}

/** A PolicyContext with a fresh per-message memo. */
export function policyContext(message: ChatMessage, locale: string): PolicyContext {
  const memo = new Map<string, unknown>();
  return {
    message,
    text: normalizeText(message.text),
    now: EVAL_NOW,
    locale,
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
