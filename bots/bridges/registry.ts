import { atomSource } from './atom.ts';
import { blueskySource } from './bluesky.ts';
import type { BridgeSource, BridgeTarget, SubscriptionKind } from './contract.ts';
import { BridgeParseError } from './contract.ts';
import { jsonFeedSource } from './json-feed.ts';
import { mastodonSource } from './mastodon.ts';
import { rssSource } from './rss.ts';

/** Every source kind Ward can bridge, alphabetical; adding one is a file plus a line here. */
export const bridgeSources: Readonly<Record<string, BridgeSource>> = {
  atom: atomSource,
  bluesky: blueskySource,
  json_feed: jsonFeedSource,
  mastodon: mastodonSource,
  rss: rssSource,
};

/** The sources serving a subscription kind. */
export function sourcesFor(kind: SubscriptionKind): BridgeSource[] {
  return Object.values(bridgeSources).filter((s) => s.subscriptionKind === kind);
}

/** The request a subscription makes: the URL and `Accept` header (feeds accept every feed format). */
export function requestFor(target: BridgeTarget): { url: string; accept: string } {
  const sources = sourcesFor(target.kind);
  const first = sources[0];
  if (!first) throw new BridgeParseError(`no_source_for_${target.kind}`);
  const accept =
    target.kind === 'feed'
      ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, application/json;q=0.8, */*;q=0.1'
      : first.accept;
  return { url: first.requestUrl(target), accept };
}

/** The source that reads this body for this subscription (feeds: the first whose format matches). */
export function sourceForBody(target: BridgeTarget, body: string, contentType: string | null): BridgeSource {
  const sources = sourcesFor(target.kind);
  const match = sources.length === 1 ? sources[0] : sources.find((s) => s.sniff(body, contentType));
  if (!match) throw new BridgeParseError('unknown_feed_format');
  return match;
}
