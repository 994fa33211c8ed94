// Query parameters that only track the reader; two links that differ only in these are the same article.
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|rb_clickid|s_cid|ref_src|ref_url|cmpid|wt\.mc_id|at_medium|at_campaign|spm|__s)$/i;

/** True for a query parameter that only tracks the reader (utm_*, fbclid, gclid, …). */
export function isTrackingParam(name: string): boolean {
  return TRACKING.test(name);
}

/**
 * The identity of a link for dedupe: https, lower-case host without `www.`, no default port, no fragment, no
 * tracking parameters, the rest sorted, no trailing slash. Null when it is not an http(s) URL.
 * Used for keys only: posted links stay exactly as the source gave them.
 */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !isTrackingParam(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `https://${host}${port}${path}${query}`;
}
