import type { BRIDGE_QUALITY } from '../../policies/core/community-config.ts';

/** How trustworthy a source is (lowest first); filters can ask for a minimum. */
export type SourceQuality = (typeof BRIDGE_QUALITY)[number];

/** The kind of subscription: feeds share one kind and are told apart by their content. */
export type SubscriptionKind = 'feed' | 'mastodon' | 'bluesky';

/** What a subscription points at, as sources need it. */
export interface BridgeTarget {
  kind: SubscriptionKind;
  /** Feed URL, hashtag (without `#`) or search query. */
  source: string;
  /** API base of hashtag and search sources (`https://mastodon.social`, `https://public.api.bsky.app`). */
  instance: string | null;
}

/** One item as a source reports it: public content, before filters, dedupe and policies. */
export interface BridgeItem {
  /** The source's own id (RSS guid, Atom id, status id, post URI); falls back to the link. */
  guid: string | null;
  url: string | null;
  title: string;
  /** Plain text (HTML already stripped). */
  summary: string;
  /** Who published it (feed title, account handle). */
  author: string;
  publishedAt: Date | null;
  /** Set when the source says the item was edited. */
  updatedAt: Date | null;
  language: string | null;
  /** An item-level quality when the source knows better than the subscription (e.g. a bot account). */
  quality?: SourceQuality;
}

/** A source kind: how to ask for a subscription's items and how to read the answer. */
export interface BridgeSource {
  /** Registry name, also the bench row suffix (`bridge.<kind>`). */
  readonly kind: string;
  readonly subscriptionKind: SubscriptionKind;
  /** Quality assumed when the subscription names no publisher. */
  readonly defaultQuality: SourceQuality;
  /** The `Accept` header to send. */
  readonly accept: string;
  /** The URL to GET (feeds: the subscription's URL). */
  requestUrl(target: BridgeTarget): string;
  /** True when a body is in this source's format (used to tell RSS, Atom and JSON Feed apart). */
  sniff(body: string, contentType: string | null): boolean;
  /** Reads a body into items; throws `BridgeParseError` when it is not a valid document of this kind. */
  parse(body: string, target: BridgeTarget): BridgeItem[];
}

/** A response that is not a valid document of the expected kind (the code names what was wrong, never content). */
export class BridgeParseError extends Error {
  readonly code = 'bridge_parse_error';
  constructor(readonly detail: string) {
    super(`bridge source could not be parsed: ${detail}`);
    this.name = 'BridgeParseError';
  }
}
