import { type BridgeItem, BridgeParseError, type BridgeSource } from './contract.ts';
import { attrOf, dateOf, listOf, parseXml, plainOf, textOf } from './xml.ts';

/** RSS 2.0 (and 0.9x): `<rss><channel><item>`; `guid`, `link`, `title`, `description`, `pubDate`. */
export const rssSource: BridgeSource = {
  kind: 'rss',
  subscriptionKind: 'feed',
  defaultQuality: 'news',
  accept: 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
  requestUrl: (target) => target.source,
  sniff: (body) => /<rss[\s>]/.test(body.slice(0, 2048)),
  parse(body) {
    const doc = parseXml(body);
    const rss = doc.rss as Record<string, unknown> | undefined;
    const channel = rss?.channel as Record<string, unknown> | undefined;
    if (!channel || typeof channel !== 'object') throw new BridgeParseError('rss_no_channel');
    const feedTitle = plainOf(channel.title);
    const feedLanguage = textOf(channel.language) || null;
    return listOf(channel.item).map((raw): BridgeItem => {
      const item = (raw ?? {}) as Record<string, unknown>;
      const guid = textOf(item.guid) || null;
      const permalink =
        attrOf(item.guid, 'isPermaLink') !== 'false' && guid?.startsWith('http') ? guid : null;
      return {
        guid,
        url: textOf(item.link) || permalink,
        title: plainOf(item.title),
        summary: plainOf(item.description),
        author: plainOf(item['dc:creator']) || plainOf(item.author) || feedTitle,
        publishedAt: dateOf(textOf(item.pubDate) || textOf(item['dc:date'])),
        updatedAt: null,
        language: textOf(item['dc:language']) || feedLanguage,
      };
    });
  },
};
