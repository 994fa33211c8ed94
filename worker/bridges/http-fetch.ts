import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import { isBlockedAddress } from './address-guard.ts';

/** Limits of one bridge request. */
export interface BridgeFetchOptions {
  /** Allow private, loopback and link-local targets (tests; an intranet feed). Off by default. */
  allowPrivate: boolean;
  /** Whole request, redirects included. */
  timeoutMs: number;
  /** Response body after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

/** Defaults: 10 s, 5 MB, 3 redirects, public targets only. */
export const DEFAULT_FETCH_OPTIONS: BridgeFetchOptions = {
  allowPrivate: false,
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
  userAgent: 'Ward-bridge/0.1 (+https://github.com/ward)',
};

/** Conditional-GET validators and the `Accept` header of a request. */
export interface FetchRequest {
  url: string;
  accept: string;
  etag?: string | null;
  lastModified?: string | null;
}

/** A response: 304 carries no body. */
export interface FetchResult {
  status: 200 | 304;
  body: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** Why a bridge request failed; `code` is what rows and logs record. */
export class BridgeFetchError extends Error {
  constructor(
    readonly code:
      | 'bridge_bad_url'
      | 'bridge_ssrf_refused'
      | 'bridge_too_many_redirects'
      | 'bridge_http_status'
      | 'bridge_too_large'
      | 'bridge_timeout'
      | 'bridge_network',
    readonly status?: number,
  ) {
    super(status ? `${code} ${status}` : code);
    this.name = 'BridgeFetchError';
  }
}

/** Resolves names and refuses private answers at connect time, so DNS rebinding cannot slip past the check. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as { address: string; family: number }[];
      if (!allowPrivate && list.some((a) => isBlockedAddress(a.address)))
        return callback(new BridgeFetchError('bridge_ssrf_refused') as NodeJS.ErrnoException, '', 0);
      const first = list[0];
      if (!first) return callback(new BridgeFetchError('bridge_network') as NodeJS.ErrnoException, '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BridgeFetchError('bridge_bad_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BridgeFetchError('bridge_bad_url');
  if (url.username || url.password) throw new BridgeFetchError('bridge_bad_url');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowPrivate && isBlockedAddress(host))
    throw new BridgeFetchError('bridge_ssrf_refused');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost')))
    throw new BridgeFetchError('bridge_ssrf_refused');
  return url;
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

async function readBody(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BridgeFetchError('bridge_too_large');
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(new BridgeFetchError('bridge_too_large'));
      chunks.push(chunk);
      cb();
    },
  });
  const stages: NodeJS.ReadWriteStream[] =
    enc === 'gzip' || enc === 'x-gzip'
      ? [zlib.createGunzip()]
      : enc === 'deflate'
        ? [zlib.createInflate()]
        : enc === 'br'
          ? [zlib.createBrotliDecompress()]
          : [];
  await pipeline([res, ...stages, sink]);
  return Buffer.concat(chunks);
}

function once(url: URL, req: FetchRequest, options: BridgeFetchOptions, signal: AbortSignal) {
  const headers: Record<string, string> = {
    accept: req.accept,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': options.userAgent,
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const r = mod.request(url, { headers, signal, lookup: guardedLookup(options.allowPrivate) }, resolve);
    r.on('error', reject);
    r.end();
  });
}

/** GETs a bridge source with the SSRF guard, a deadline, a size limit, capped redirects and conditional GET. */
export async function fetchGuarded(
  req: FetchRequest,
  options: BridgeFetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<FetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = checkUrl(req.url, options.allowPrivate);
  try {
    for (let hop = 0; ; hop++) {
      const res = await once(url, req, options, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && status !== 304 && location) {
        res.resume();
        if (hop >= options.maxRedirects) throw new BridgeFetchError('bridge_too_many_redirects');
        url = checkUrl(new URL(location, url).toString(), options.allowPrivate);
        continue;
      }
      const contentType = res.headers['content-type'] ?? null;
      const validators = {
        contentType,
        etag: (res.headers.etag as string | undefined) ?? null,
        lastModified: (res.headers['last-modified'] as string | undefined) ?? null,
      };
      if (status === 304) {
        res.resume();
        return { status: 304, body: '', ...validators };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new BridgeFetchError('bridge_http_status', status);
      }
      const body = decoderFor(contentType).decode(await readBody(res, options.maxBytes));
      return { status: 200, body, ...validators };
    }
  } catch (err) {
    if (err instanceof BridgeFetchError) throw err;
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof BridgeFetchError) throw cause;
    if (signal.aborted) throw new BridgeFetchError('bridge_timeout');
    throw new BridgeFetchError('bridge_network');
  }
}
