import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_OPTIONS, fetchGuarded } from '../../worker/bridges/http-fetch.ts';
import { type FakeFeedServer, startFeedServer } from '../fakes/feeds/server.ts';

let feeds: FakeFeedServer;
const loopback = { ...DEFAULT_FETCH_OPTIONS, allowPrivate: true, timeoutMs: 3000 };
const get = (url: string, opts = loopback) => fetchGuarded({ url, accept: '*/*' }, opts);

beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.set('/ok', { body: 'hello', etag: '"e1"', lastModified: 'Fri, 20 Nov 2026 10:00:00 GMT' });
  feeds.set('/loop', { status: 302, body: '', location: '/loop' });
  feeds.set('/hop', { status: 301, body: '', location: '/ok' });
  feeds.set('/to-metadata', { status: 302, body: '', location: 'http://169.254.169.254/latest/meta-data/' });
  feeds.set('/big', { body: 'x'.repeat(5000) });
});
afterAll(() => feeds.close());

describe('fetchGuarded', () => {
  it('refuses loopback, private and link-local targets unless allowed, before connecting', async () => {
    const strict = { ...DEFAULT_FETCH_OPTIONS, timeoutMs: 3000 };
    await expect(get(feeds.url('/ok'), strict)).rejects.toMatchObject({ code: 'bridge_ssrf_refused' });
    await expect(get('http://10.0.0.1/feed', strict)).rejects.toMatchObject({ code: 'bridge_ssrf_refused' });
    await expect(get('http://[::1]/feed', strict)).rejects.toMatchObject({ code: 'bridge_ssrf_refused' });
    await expect(get('http://localhost:9/feed', strict)).rejects.toMatchObject({
      code: 'bridge_ssrf_refused',
    });
    expect(feeds.requests).toHaveLength(0);
  });

  it('only http and https, no credentials in URLs', async () => {
    await expect(get('file:///etc/passwd')).rejects.toMatchObject({ code: 'bridge_bad_url' });
    await expect(get('gopher://example.org/')).rejects.toMatchObject({ code: 'bridge_bad_url' });
    await expect(get('http://user:pw@example.org/')).rejects.toMatchObject({ code: 'bridge_bad_url' });
  });

  it('returns body and validators; a matching ETag gets 304', async () => {
    const r = await get(feeds.url('/ok'));
    expect(r).toMatchObject({ status: 200, body: 'hello', etag: '"e1"' });
    const again = await fetchGuarded({ url: feeds.url('/ok'), accept: '*/*', etag: r.etag }, loopback);
    expect(again.status).toBe(304);
  });

  it('follows a few redirects, refuses a redirect loop and a redirect into a private range', async () => {
    expect((await get(feeds.url('/hop'))).body).toBe('hello');
    await expect(get(feeds.url('/loop'))).rejects.toMatchObject({ code: 'bridge_too_many_redirects' });
    const publicOnly = { ...loopback, allowPrivate: false };
    await expect(get(feeds.url('/to-metadata'), publicOnly)).rejects.toMatchObject({
      code: 'bridge_ssrf_refused',
    });
  });

  it('stops at the size limit, also after decompression', async () => {
    await expect(get(feeds.url('/big'), { ...loopback, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'bridge_too_large',
    });
    const bomb = createServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(200_000)));
    });
    await new Promise<void>((r) => bomb.listen(0, '127.0.0.1', r));
    const port = (bomb.address() as AddressInfo).port;
    await expect(get(`http://127.0.0.1:${port}/`, { ...loopback, maxBytes: 10_000 })).rejects.toMatchObject({
      code: 'bridge_too_large',
    });
    bomb.close();
  });

  it('times out a server that never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    await expect(get(`http://127.0.0.1:${port}/`, { ...loopback, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'bridge_timeout',
    });
    silent.closeAllConnections();
    silent.close();
  });
});
