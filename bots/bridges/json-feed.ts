import { type BridgeItem, BridgeParseError, type BridgeSource } from './contract.ts';
import { htmlToText } from './html-text.ts';
import { dateOf } from './xml.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** JSON Feed 1.0/1.1 (jsonfeed.org): `items[]` with `id`, `url`, `title`, `summary`/`content_text`/`content_html`. */
export const jsonFeedSource: BridgeSource = {
  kind: 'json_feed',
  subscriptionKind: 'feed',
  defaultQuality: 'news',
  accept: 'application/feed+json, application/json;q=0.9, */*;q=0.1',
  requestUrl: (target) => target.source,
  sniff: (body, contentType) =>
    /json/.test(contentType ?? '') ||
    /^\s*\{[\s\S]{0,400}"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(body),
  parse(body) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      throw new BridgeParseError('json_syntax');
    }
    const feed = doc as Record<string, unknown> | null;
    if (!feed || typeof feed !== 'object' || !str(feed.version).startsWith('https://jsonfeed.org/version/'))
      throw new BridgeParseError('json_feed_version');
    if (!Array.isArray(feed.items)) throw new BridgeParseError('json_feed_items');
    const feedTitle = str(feed.title);
    const feedLanguage = str(feed.language) || null;
    return feed.items.map((raw): BridgeItem => {
      const item = (raw ?? {}) as Record<string, unknown>;
      const authors = Array.isArray(item.authors) ? (item.authors as Record<string, unknown>[]) : [];
      const author = str(authors[0]?.name) || str((item.author as Record<string, unknown> | undefined)?.name);
      const id = item.id == null ? null : String(item.id);
      return {
        guid: id,
        url: str(item.url) || str(item.external_url) || null,
        title: htmlToText(str(item.title)),
        summary: str(item.summary) || str(item.content_text) || htmlToText(str(item.content_html)),
        author: author || feedTitle,
        publishedAt: dateOf(str(item.date_published)),
        updatedAt: dateOf(str(item.date_modified)),
        language: str(item.language) || feedLanguage,
      };
    });
  },
};
