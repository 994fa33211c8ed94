import type { BridgeItem, SubscriptionKind } from '../../bots/bridges/contract.ts';
import type { BridgeSettings } from './settings.ts';

const MAX_SUMMARY = 1200;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The text a bridge item is evaluated and posted with: the subscription's template over title, summary and link.
 * Social posts have no `{link}` here: their permalink names a person, so it goes in the attribution line instead.
 */
export function messageTextFor(item: BridgeItem, settings: BridgeSettings, kind: SubscriptionKind): string {
  const values: Record<string, string> = {
    title: item.title,
    summary: clip(item.summary, MAX_SUMMARY),
    link: kind === 'feed' ? (item.url ?? '') : '',
    author: kind === 'feed' ? item.author : '',
  };
  return settings.template
    .replace(/\{(title|summary|link|author)\}/g, (_m, name: string) => values[name] ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** What waits (encrypted) in a pending item until the rate cap lets it through. */
export interface PendingPayload {
  text: string;
  author: string;
  sentAt: string;
  language: string | null;
  /** The item's own link, shown in the attribution line of social posts. */
  permalink: string | null;
}

/** The pending payload of an item. */
export function pendingPayload(
  item: BridgeItem,
  settings: BridgeSettings,
  kind: SubscriptionKind,
  now: Date,
): PendingPayload {
  return {
    text: messageTextFor(item, settings, kind),
    author: `bridge:${item.author || 'source'}`.slice(0, 200),
    sentAt: (item.publishedAt ?? now).toISOString(),
    language: item.language?.slice(0, 20) ?? null,
    permalink: kind === 'feed' ? null : item.url,
  };
}
