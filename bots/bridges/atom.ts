import { type BridgeItem, BridgeParseError, type BridgeSource } from './contract.ts';
import { attrOf, dateOf, listOf, parseXml, plainOf, textOf } from './xml.ts';

/** The `alternate` link of an entry (RFC 4287: a link without `rel` is an alternate). */
function alternateLink(links: unknown): string | null {
  for (const l of listOf(links)) {
    const rel = attrOf(l, 'rel');
    if (!rel || rel === 'alternate') return attrOf(l, 'href');
  }
  return null;
}

/** Atom 1.0 (RFC 4287): `<feed><entry>`; `id`, `link rel=alternate`, `title`, `summary`/`content`, `published`, `updated`. */
export const atomSource: BridgeSource = {
  kind: 'atom',
  subscriptionKind: 'feed',
  defaultQuality: 'news',
  accept: 'application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
  requestUrl: (target) => target.source,
  sniff: (body) => /<feed[\s>]/.test(body.slice(0, 2048)),
  parse(body) {
    const doc = parseXml(body);
    const feed = doc.feed as Record<string, unknown> | undefined;
    if (!feed || typeof feed !== 'object') throw new BridgeParseError('atom_no_feed');
    const feedTitle = plainOf(feed.title);
    const feedLanguage = attrOf(feed, 'xml:lang');
    return listOf(feed.entry).map((raw): BridgeItem => {
      const entry = (raw ?? {}) as Record<string, unknown>;
      const published = dateOf(textOf(entry.published));
      const updated = dateOf(textOf(entry.updated));
      const author = entry.author as Record<string, unknown> | undefined;
      return {
        guid: textOf(entry.id) || null,
        url: alternateLink(entry.link),
        title: plainOf(entry.title),
        summary: plainOf(entry.summary) || plainOf(entry.content),
        author: plainOf(author?.name) || feedTitle,
        publishedAt: published ?? updated,
        // Only a later `updated` than `published` says the entry was edited.
        updatedAt: published && updated && updated > published ? updated : null,
        language: attrOf(entry, 'xml:lang') ?? feedLanguage,
      };
    });
  },
};
