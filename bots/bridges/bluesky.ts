import { type BridgeItem, BridgeParseError, type BridgeSource } from './contract.ts';
import { dateOf } from './xml.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Bluesky's public AppView default. */
export const BLUESKY_APPVIEW = 'https://public.api.bsky.app';

/** A post's web address: `at://<did>/app.bsky.feed.post/<rkey>` → `https://bsky.app/profile/<handle>/post/<rkey>`. */
function webUrl(uri: string, handle: string): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  return m ? `https://bsky.app/profile/${handle || m[1]}/post/${m[2]}` : null;
}

/** Bluesky search on the public AppView: `app.bsky.feed.searchPosts?q=…&sort=latest` ({ posts: PostView[] }). */
export const blueskySource: BridgeSource = {
  kind: 'bluesky',
  subscriptionKind: 'bluesky',
  defaultQuality: 'social',
  accept: 'application/json',
  requestUrl(target) {
    const base = (target.instance ?? BLUESKY_APPVIEW).replace(/\/+$/, '');
    const q = encodeURIComponent(target.source);
    return `${base}/xrpc/app.bsky.feed.searchPosts?q=${q}&sort=latest&limit=50`;
  },
  sniff: (body) => body.trimStart().startsWith('{'),
  parse(body) {
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      throw new BridgeParseError('json_syntax');
    }
    const posts = (doc as Record<string, unknown> | null)?.posts;
    if (!Array.isArray(posts)) throw new BridgeParseError('bluesky_no_posts');
    return posts.map((raw): BridgeItem => {
      const post = (raw ?? {}) as Record<string, unknown>;
      const author = (post.author ?? {}) as Record<string, unknown>;
      const record = (post.record ?? {}) as Record<string, unknown>;
      const uri = str(post.uri);
      if (!uri) throw new BridgeParseError('bluesky_post_without_uri');
      const handle = str(author.handle);
      const langs = Array.isArray(record.langs) ? record.langs : [];
      return {
        guid: uri,
        url: webUrl(uri, handle),
        title: '',
        summary: str(record.text),
        author: `@${handle || str(author.did) || 'unknown'}`,
        publishedAt: dateOf(str(record.createdAt)) ?? dateOf(str(post.indexedAt)),
        updatedAt: null,
        language: typeof langs[0] === 'string' ? langs[0] : null,
      };
    });
  },
};
