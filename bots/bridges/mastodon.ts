import { type BridgeItem, BridgeParseError, type BridgeSource } from './contract.ts';
import { htmlToText } from './html-text.ts';
import { dateOf } from './xml.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The public hashtag timeline of a Mastodon instance: `GET /api/v1/timelines/tag/:hashtag` (Status[]). */
export const mastodonSource: BridgeSource = {
  kind: 'mastodon',
  subscriptionKind: 'mastodon',
  defaultQuality: 'social',
  accept: 'application/json',
  requestUrl(target) {
    if (!target.instance) throw new BridgeParseError('mastodon_no_instance');
    const base = target.instance.replace(/\/+$/, '');
    return `${base}/api/v1/timelines/tag/${encodeURIComponent(target.source)}?limit=40`;
  },
  sniff: (body) => body.trimStart().startsWith('['),
  parse(body) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      throw new BridgeParseError('json_syntax');
    }
    if (!Array.isArray(doc)) throw new BridgeParseError('mastodon_not_a_list');
    return doc.map((raw): BridgeItem => {
      const outer = (raw ?? {}) as Record<string, unknown>;
      // A boost carries the original status; bridge the original.
      const status = (outer.reblog ?? outer) as Record<string, unknown>;
      const account = (status.account ?? {}) as Record<string, unknown>;
      const warning = str(status.spoiler_text);
      const text = htmlToText(str(status.content));
      if (!str(status.id) && !str(status.uri)) throw new BridgeParseError('mastodon_status_without_id');
      return {
        guid: str(status.uri) || str(status.id),
        url: str(status.url) || str(status.uri) || null,
        title: '',
        summary: warning ? `CW: ${warning}\n${text}` : text,
        author: `@${str(account.acct) || 'unknown'}`,
        publishedAt: dateOf(str(status.created_at)),
        updatedAt: dateOf(str(status.edited_at)),
        language: str(status.language) || null,
      };
    });
  },
};
