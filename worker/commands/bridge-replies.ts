import type { BridgeSubscriptionRow } from '../../db/repositories/bridges.ts';
import type { ChannelConfig } from '../../policies/core/community-config.ts';
import type { BridgeOutcome, BridgeProblem } from './bridge-outcome.ts';
import { type BridgeTexts, bridgeTexts } from './bridge-texts.ts';

export type { BridgeOutcome, BridgeProblem } from './bridge-outcome.ts';

/** What wording an outcome needs: the language and the configured channels (for names). */
export interface BridgeReplyContext {
  locale: string;
  channels: readonly ChannelConfig[];
}

/** Lists longer than this end with "and N more", so a reply fits one chat message. */
const MAX_LISTED = 25;

// Settings paths as the moderator typed them (worker/bridges/command-args.ts option names).
const OPTION_OF_SETTING: Record<string, string> = {
  'filters.include': 'include',
  'filters.exclude': 'exclude',
  'filters.regex': 'regex',
  'filters.languages': 'lang',
  'filters.min_quality': 'quality',
  max_age_hours: 'max_age',
  rate_per_hour: 'rate',
  daily_cap: 'daily',
  interval_minutes: 'interval',
  'publisher.name': 'publisher',
  'publisher.type': 'publisher_type',
};

/** The short id moderators see and type (an unambiguous prefix of the subscription id). */
export const shortId = (id: string) => id.slice(0, 8);

/** How a bridge's source reads in chat: the feed URL, `#tag@host` or `bluesky:query`. */
export function sourceLabel(sub: Pick<BridgeSubscriptionRow, 'kind' | 'source' | 'instance'>): string {
  if (sub.kind === 'mastodon') return `#${sub.source}@${(sub.instance ?? '').replace(/^https?:\/\//, '')}`;
  if (sub.kind === 'bluesky') return `bluesky:${sub.source}`;
  return sub.source;
}

function channelLabel(channels: readonly ChannelConfig[], platform: string, id: string): string {
  const c = channels.find((ch) => ch.platform === platform && ch.id === id);
  return c ? `#${c.name ?? c.id}` : `${platform}/${id}`;
}

// Slack's `<#C123|name>` and Discord's `<#123>` would show as markup once escaped; `#name` reads as typed.
const mentionAsName = (ref: string) =>
  ref.replace(/^<#([^|>]+)(?:\|([^>]*))?>$/, (_m, id: string, name?: string) => `#${name || id}`);

/** A problem's detail as the moderator should read it. */
function detailFor(t: BridgeTexts, problem: BridgeProblem): string {
  if (!('detail' in problem)) return '';
  const raw = problem.detail;
  switch (problem.code) {
    case 'bad_source':
      return t.sourceReasons[raw] ?? raw;
    case 'unreachable':
      return t.fetchReasons[raw] ?? raw;
    case 'bad_settings':
      return raw
        .split(', ')
        .map((path) => OPTION_OF_SETTING[path] ?? path)
        .join(', ');
    case 'config_bridge':
      return shortId(raw);
    case 'unknown_channel':
      return mentionAsName(raw);
    default:
      return raw;
  }
}

function problemText(t: BridgeTexts, problem: BridgeProblem, channels: readonly ChannelConfig[]): string {
  const postable = channels.filter((c) => c.platform !== 'bridge').map((c) => `#${c.name ?? c.id}`);
  return t.problems[problem.code]({
    detail: detailFor(t, problem),
    channels: postable.join(', ') || t.noChannels,
  });
}

function listLine(t: BridgeTexts, sub: BridgeSubscriptionRow, channels: readonly ChannelConfig[]): string {
  const state = t.states[sub.state] ?? sub.state;
  const why =
    sub.state === 'paused' && sub.pausedReason ? ` ${t.pausedBy[sub.pausedReason] ?? ''}`.trimEnd() : '';
  const notes = [
    sub.origin === 'config' ? t.fromConfig : null,
    sub.consecutiveFailures ? t.failures(sub.consecutiveFailures, sub.lastErrorCode ?? '?') : null,
  ].filter((n) => n !== null);
  const target = channelLabel(channels, sub.targetPlatform, sub.targetChannelId);
  return `• ${shortId(sub.id)}  ${state}${why}  ${sourceLabel(sub)} → ${target}${notes.length ? `  (${notes.join('; ')})` : ''}`;
}

/** Words an outcome in the locale's language (Dutch for `nl…`, English otherwise). Plain text; adapters escape it. */
export function formatBridgeOutcome(outcome: BridgeOutcome, ctx: BridgeReplyContext): string {
  const t = bridgeTexts(ctx.locale);
  switch (outcome.kind) {
    case 'refused':
      return t.refused;
    case 'problem':
      return problemText(t, outcome.problem, ctx.channels);
    case 'list': {
      const rows = outcome.bridges;
      if (rows.length === 0) return t.empty;
      const lines = rows.slice(0, MAX_LISTED).map((s) => listLine(t, s, ctx.channels));
      if (rows.length > MAX_LISTED) lines.push(t.more(rows.length - MAX_LISTED));
      return [t.header(rows.length), ...lines].join('\n');
    }
    case 'added': {
      const s = outcome.subscription;
      const id = shortId(s.id);
      if (outcome.existed) return t.exists(id, t.states[s.state] ?? s.state);
      const channel = channelLabel(ctx.channels, s.targetPlatform, s.targetChannelId);
      return t.added({ id, what: sourceLabel(s), channel, items: outcome.items });
    }
    case 'changed': {
      const id = shortId(outcome.subscription.id);
      if (outcome.verb === 'pause') return t.paused(id);
      if (outcome.verb === 'remove') return t.removed(id);
      return t.resumed(id, t.states[outcome.subscription.state] ?? outcome.subscription.state);
    }
  }
}
