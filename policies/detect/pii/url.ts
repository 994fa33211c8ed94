import { isLetterOrNumberAt, isPairAt } from './char-class.ts';
import { before } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';
import { MAX_CANDIDATES } from './types.ts';

// Scheme or www. URLs, and bare domain paths; every quantifier is bounded and classes do not overlap at joins.
// The two forms are matched separately (see urlMatches) and merged as the alternation of both would be.
const SCHEME_URL =
  /(?<![\p{L}\p{N}@.-])(?:https?:\/\/|www\.)[\p{L}\p{N}.-]{1,253}(?::\d{1,5})?(?:\/[^\s<>"'()]{0,400})?/giu;
const TLDS = [
  'com',
  'nl',
  'org',
  'net',
  'be',
  'uk',
  'io',
  'me',
  'co',
  'de',
  'ee',
  'ly',
  'app',
  'blog',
  'page',
  'link',
  'bio',
  'social',
];
const DOT_TLDS = TLDS.map((t) => `.${t}`);
// Sticky: tried only where a bare domain can start (see bareDomainStarts).
const BARE_DOMAIN_AT = new RegExp(
  String.raw`(?<![\p{L}\p{N}@./-])(?:[\p{L}\p{N}-]{1,63}\.){1,4}(?:${TLDS.join('|')})\/[^\s<>"'()]{1,400}`,
  'iuy',
);

// Hosts whose paths are people: profiles, personal pages and fundraisers.
const PERSONAL_HOSTS =
  /(?:^|\.)(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com|linkedin\.com|youtube\.com|threads\.net|bsky\.app|mastodon\.\w+|reddit\.com|github\.com|medium\.com|substack\.com|linktr\.ee|gofundme\.com|justgiving\.com|doneeractie\.nl|snapchat\.com|t\.me|wa\.me|onlyfans\.com|patreon\.com|ko-fi\.com|buymeacoffee\.com|blogspot\.com|wordpress\.com|tumblr\.com|pinterest\.\w+|vimeo\.com|soundcloud\.com)$/;
const PERSONAL_PATH =
  /\/(?:u|user|users|profile|profiel|people|members?|stories|story|verhalen|verhaal|author|in|fundraiser|f)\/[\w.-]*\p{L}{2}|\/@[\w.-]{2,}/u;
const NAME_SLUG = /\/[\p{L}]{2,}[-_.][\p{L}]{2,}(?:[-_.][\p{L}]{2,})?\/?$/u;
const OWNER_CUE =
  /(?:\bmy\b|\bmijn\b|\bi'?ve\b|\bi have\b|\bposted\b|\bshared\b|\buploaded\b|\bfollow me\b|\bvolg me\b|\bwebsite\s*:|\bsite\s*:|\bblog\s*:|\bprofile\s*:)[^.!?\n]{0,30}$|\b(?:website|site|blog|homepage|profile|url)\s*:\s*$/;

/** The ".tld" that ends right before `end`, if any. */
function dotTldBefore(lower: string, end: number): string | undefined {
  for (const t of DOT_TLDS) if (lower.startsWith(t, end - t.length)) return t;
  return undefined;
}

/**
 * Where a bare-domain link can start: each ".tld/" ends a run of label characters ([\p{L}\p{N}.-]), and since the
 * link may not follow such a character it can only start where that run starts. In text order.
 */
function bareDomainStarts(scan: ScanText): number[] {
  const { value: v, lower } = scan;
  const starts: number[] = [];
  for (let slash = lower.indexOf('/'); slash >= 0; slash = lower.indexOf('/', slash + 1)) {
    // A top-level domain (a letter) must end right before the slash.
    const c = lower.charCodeAt(slash - 1);
    if (!(c >= 0x61 && c <= 0x7a)) continue;
    const tld = dotTldBefore(lower, slash);
    if (tld === undefined) continue;
    let start = slash - tld.length;
    scan.work.steps++;
    while (start > 0) {
      scan.work.steps++;
      const width = isPairAt(v, start - 2) ? 2 : 1;
      const p = v.charCodeAt(start - 1);
      if (p !== 0x2e && p !== 0x2d && !isLetterOrNumberAt(v, start - width)) break;
      start -= width;
    }
    starts.push(start);
  }
  return starts;
}

/** Matches of `scheme-or-www URL | bare domain path`, leftmost first with the scheme form winning ties. */
function urlMatches(scan: ScanText): { index: number; text: string }[] {
  const v = scan.value;
  const bare = bareDomainStarts(scan);
  const out: { index: number; text: string }[] = [];
  let pos = 0;
  let b = 0;
  // undefined: not searched yet; null: no scheme or www. link from here on.
  let scheme: RegExpExecArray | null | undefined =
    scan.lower.includes('http') || scan.lower.includes('www.') ? undefined : null;
  while (out.length < MAX_CANDIDATES) {
    scan.work.steps++;
    if (scheme === undefined || (scheme !== null && scheme.index < pos)) {
      SCHEME_URL.lastIndex = pos;
      scheme = SCHEME_URL.exec(v);
    }
    let domain: { index: number; text: string } | undefined;
    for (; b < bare.length && (scheme === null || bare[b]! < scheme.index); b++) {
      if (bare[b]! < pos) continue;
      BARE_DOMAIN_AT.lastIndex = bare[b]!;
      const m = BARE_DOMAIN_AT.exec(v);
      if (m) {
        domain = { index: m.index, text: m[0] };
        b++;
        break;
      }
    }
    const next = domain ?? (scheme ? { index: scheme.index, text: scheme[0] } : undefined);
    if (!next) break;
    out.push(next);
    pos = next.index + next.text.length;
  }
  return out;
}

/** Links; personal ones (profiles, fundraisers, story pages, the author's own site) score high, others low. */
export function detectUrls(scan: ScanText): Candidate[] {
  if (!scan.value.includes('/') && !scan.lower.includes('www.')) return [];
  const out: Candidate[] = [];
  for (const m of urlMatches(scan)) {
    let text = m.text;
    while (/[.,;:!?]$/.test(text)) text = text.slice(0, -1);
    const lower = text.toLowerCase();
    const hostStart = lower.startsWith('http') ? lower.indexOf('//') + 2 : 0;
    const slash = lower.indexOf('/', hostStart);
    const host = lower
      .slice(hostStart, slash < 0 ? undefined : slash)
      .replace(/^www\./, '')
      .replace(/:\d+$/, '');
    const path = slash < 0 ? '' : lower.slice(slash);
    let confidence = 0.3;
    if (PERSONAL_HOSTS.test(host) && path.length > 2) confidence = 0.9;
    else if (PERSONAL_PATH.test(path) || NAME_SLUG.test(path)) confidence = 0.8;
    else if (OWNER_CUE.test(before(scan, m.index, 50))) confidence = 0.7;
    out.push({ type: 'URL', start: m.index, end: m.index + text.length, confidence, detector: 'url' });
  }
  return out;
}
