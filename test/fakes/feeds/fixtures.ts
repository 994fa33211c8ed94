/** One item, rendered in each source's real shape by the builders below. */
export interface FixtureItem {
  id: string;
  title: string;
  summary: string;
  url: string;
  date: string;
  author?: string;
  updated?: string;
  language?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document (channel metadata, guid isPermaLink=false, HTML description in CDATA, RFC 822 dates). */
export function rssFeed(items: FixtureItem[], title = 'Guideline updates'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>${esc(title)}</title>
  <link>https://guidelines.example.org/</link>
  <description>Latest guideline updates</description>
  <language>en-gb</language>
  <atom:link href="https://guidelines.example.org/feed.xml" rel="self" type="application/rss+xml"/>
${items
  .map(
    (i) => `  <item>
    <title>${esc(i.title)}</title>
    <link>${esc(i.url)}</link>
    <guid isPermaLink="false">${esc(i.id)}</guid>
    <pubDate>${new Date(i.date).toUTCString()}</pubDate>
    ${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}
    <description><![CDATA[<p>${i.summary}</p>]]></description>
  </item>`,
  )
  .join('\n')}
</channel>
</rss>`;
}

/** An Atom 1.0 document (RFC 4287: id, alternate link, published/updated, html summary). */
export function atomFeed(items: FixtureItem[], title = 'Cochrane reviews'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${esc(title)}</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-11-20T10:00:00Z</updated>
  <link rel="self" href="https://reviews.example.org/atom.xml"/>
${items
  .map(
    (i) => `  <entry>
    <title type="text">${esc(i.title)}</title>
    <id>${esc(i.id)}</id>
    <link rel="alternate" type="text/html" href="${esc(i.url)}"/>
    <published>${new Date(i.date).toISOString()}</published>
    <updated>${new Date(i.updated ?? i.date).toISOString()}</updated>
    <author><name>${esc(i.author ?? 'Review group')}</name></author>
    <summary type="html">${esc(`<p>${i.summary}</p>`)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>`;
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(items: FixtureItem[], title = 'Journal alerts'): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: 'https://journal.example.org/',
    feed_url: 'https://journal.example.org/feed.json',
    language: 'en',
    items: items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.title,
      content_html: `<p>${i.summary}</p>`,
      date_published: new Date(i.date).toISOString(),
      ...(i.updated ? { date_modified: new Date(i.updated).toISOString() } : {}),
      authors: [{ name: i.author ?? 'Editorial team' }],
    })),
  });
}

/** A Mastodon `GET /api/v1/timelines/tag/:hashtag` answer: Status entities, newest first. */
export function mastodonStatuses(items: FixtureItem[], host = 'mastodon.example'): string {
  return JSON.stringify(
    items.map((i) => ({
      id: i.id,
      created_at: new Date(i.date).toISOString(),
      in_reply_to_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'public',
      language: i.language ?? 'en',
      uri: `https://${host}/users/${i.author ?? 'alice'}/statuses/${i.id}`,
      url: `https://${host}/@${i.author ?? 'alice'}/${i.id}`,
      replies_count: 0,
      reblogs_count: 1,
      favourites_count: 3,
      edited_at: i.updated ? new Date(i.updated).toISOString() : null,
      content: `<p>${i.summary} <a href="https://${host}/tags/diabetes" class="mention hashtag" rel="tag">#<span>diabetes</span></a></p>`,
      reblog: null,
      account: {
        id: '109',
        username: i.author ?? 'alice',
        acct: `${i.author ?? 'alice'}@${host}`,
        display_name: 'Alice',
        bot: false,
        url: `https://${host}/@${i.author ?? 'alice'}`,
      },
      media_attachments: [],
      mentions: [],
      tags: [{ name: 'diabetes', url: `https://${host}/tags/diabetes` }],
      emojis: [],
      card: null,
      poll: null,
    })),
  );
}

/** A Bluesky `app.bsky.feed.searchPosts` answer: `{ cursor, hitsTotal, posts: PostView[] }`. */
export function blueskySearch(items: FixtureItem[]): string {
  return JSON.stringify({
    cursor: String(items.length),
    hitsTotal: items.length,
    posts: items.map((i) => ({
      uri: `at://did:plc:${i.author ?? 'abc123'}/app.bsky.feed.post/${i.id}`,
      cid: `bafyrei${i.id}`,
      author: {
        did: `did:plc:${i.author ?? 'abc123'}`,
        handle: `${i.author ?? 'carol'}.bsky.social`,
        displayName: 'Carol',
      },
      record: {
        $type: 'app.bsky.feed.post',
        text: i.summary,
        createdAt: new Date(i.date).toISOString(),
        langs: [i.language ?? 'en'],
      },
      replyCount: 0,
      repostCount: 0,
      likeCount: 2,
      indexedAt: new Date(i.date).toISOString(),
      labels: [],
    })),
  });
}
