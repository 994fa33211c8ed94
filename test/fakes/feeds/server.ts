import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one route answers. */
export interface FakeResponse {
  status?: number;
  body: string;
  contentType?: string;
  /** Sent as ETag; a request with a matching If-None-Match gets 304. */
  etag?: string;
  lastModified?: string;
  /** Sent as Location (with a 3xx status). */
  location?: string;
}

/** A loopback HTTP server serving feed and API fixtures, recording each request's path and headers. */
export interface FakeFeedServer {
  origin: string;
  url(path: string): string;
  set(path: string, response: FakeResponse): void;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a free port. Routes match the path without its query string. */
export async function startFeedServer(): Promise<FakeFeedServer> {
  const routes = new Map<string, FakeResponse>();
  const requests: FakeFeedServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path: req.url ?? '/', headers: req.headers });
    const r = routes.get(path);
    if (!r) {
      res.writeHead(404).end('not found');
      return;
    }
    if (r.etag && req.headers['if-none-match'] === r.etag) {
      res.writeHead(304, { etag: r.etag }).end();
      return;
    }
    res.writeHead(r.status ?? 200, {
      'content-type': r.contentType ?? 'application/xml; charset=utf-8',
      ...(r.etag ? { etag: r.etag } : {}),
      ...(r.lastModified ? { 'last-modified': r.lastModified } : {}),
      ...(r.location ? { location: r.location } : {}),
    });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, response) => routes.set(path, response),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
