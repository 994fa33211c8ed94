import { BLUESKY_APPVIEW } from '../../bots/bridges/bluesky.ts';
import type { BridgeTarget } from '../../bots/bridges/contract.ts';

const TAG = /^[\p{L}\p{N}_]{1,100}$/u;
const BLUESKY_HOSTS = new Set(['bsky', 'bsky.app', 'bsky.social', 'public.api.bsky.app']);

function instanceUrl(raw: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Reads what `/ward bridge add` and config call a source: a feed URL; `#tag@mastodon.social` (or a
 * `https://instance/tags/tag` link) for a Mastodon hashtag; `bluesky:<query>` or `#tag@bsky.app` for Bluesky
 * search. An explicit `@https://…` after a Bluesky query names another AppView.
 */
export function parseSourceSpec(spec: string): BridgeTarget | { error: string } {
  const s = spec.trim();
  const bluesky = /^bluesky:(.+?)(?:@(https?:\/\/\S+))?$/i.exec(s);
  if (bluesky) {
    const instance = bluesky[2] ? instanceUrl(bluesky[2]) : BLUESKY_APPVIEW;
    if (!instance) return { error: 'the Bluesky AppView address is not a URL' };
    return { kind: 'bluesky', source: bluesky[1]!.trim(), instance };
  }
  const tag = /^(?:mastodon:)?#([^@\s]+)@(\S+)$/i.exec(s);
  if (tag) {
    const [, name = '', host = ''] = tag;
    if (!TAG.test(name)) return { error: 'a hashtag has letters, digits and underscores only' };
    if (BLUESKY_HOSTS.has(host.toLowerCase()))
      return { kind: 'bluesky', source: `#${name}`, instance: BLUESKY_APPVIEW };
    const instance = instanceUrl(host);
    if (!instance) return { error: 'the Mastodon instance is not a host name or URL' };
    return { kind: 'mastodon', source: name, instance };
  }
  if (s.startsWith('#'))
    return { error: 'name where to follow the hashtag: #tag@mastodon.social or bluesky:#tag' };
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return { error: 'a source is a feed URL, #tag@mastodon.instance or bluesky:<query>' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'only http and https feeds' };
  const tagPage = /^\/tags\/([\p{L}\p{N}_]{1,100})\/?$/u.exec(decodeURIComponent(url.pathname));
  if (tagPage && !url.search) return { kind: 'mastodon', source: tagPage[1]!, instance: url.origin };
  return { kind: 'feed', source: url.toString(), instance: null };
}
