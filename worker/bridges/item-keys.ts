import type { BridgeItem } from '../../bots/bridges/contract.ts';
import { normalizeUrl } from './normalize-url.ts';

/** The keyed hashes a bridge item is known by (MACs: no URL or title is stored in the clear). */
export interface ItemKeys {
  /** Identity within its subscription: the GUID (as a URL when it is one), else the link, else the text. */
  keyHash: string;
  urlHash: string | null;
  /** The same article under another link or from another source; null when the text is too short to tell. */
  contentHash: string | null;
  /** Everything shown; a change is an edit. Dates are not part of it, so a new pubDate alone is no change. */
  bodyHash: string;
}

const MIN_TITLE = 16;
const MIN_BODY = 24;

/** Text reduced for comparison: case, accents, punctuation and spacing do not count. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Computes an item's keys with a keyed MAC. */
export function itemKeys(item: BridgeItem, mac: (text: string) => string): ItemKeys {
  const url = item.url ? normalizeUrl(item.url) : null;
  const guidUrl = item.guid ? normalizeUrl(item.guid) : null;
  const title = comparableText(item.title);
  const body = comparableText(item.summary);
  const identity = guidUrl
    ? `url:${guidUrl}`
    : item.guid
      ? `guid:${item.guid.trim()}`
      : url
        ? `url:${url}`
        : `text:${title}\u0000${body}`;
  const content =
    title.length >= MIN_TITLE ? `title:${title}` : body.length >= MIN_BODY ? `body:${body}` : null;
  return {
    keyHash: mac(identity),
    urlHash: url ? mac(`url:${url}`) : null,
    contentHash: content ? mac(content) : null,
    bodyHash: mac(`body:${item.title}\u0000${item.summary}\u0000${item.url ?? ''}`),
  };
}
