import { before, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Scheme or www. URLs, and bare domain paths; every quantifier is bounded and classes do not overlap at joins.
const URL_RE =
  /(?<![\p{L}\p{N}@.-])(?:https?:\/\/|www\.)[\p{L}\p{N}.-]{1,253}(?::\d{1,5})?(?:\/[^\s<>"'()]{0,400})?|(?<![\p{L}\p{N}@./-])(?:[\p{L}\p{N}-]{1,63}\.){1,4}(?:com|nl|org|net|be|uk|io|me|co|de|ee|ly|app|blog|page|link|bio|social)\/[^\s<>"'()]{1,400}/giu;

// Hosts whose paths are people: profiles, personal pages and fundraisers.
const PERSONAL_HOSTS =
  /(?:^|\.)(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com|linkedin\.com|youtube\.com|threads\.net|bsky\.app|mastodon\.\w+|reddit\.com|github\.com|medium\.com|substack\.com|linktr\.ee|gofundme\.com|justgiving\.com|doneeractie\.nl|snapchat\.com|t\.me|wa\.me|onlyfans\.com|patreon\.com|ko-fi\.com|buymeacoffee\.com|blogspot\.com|wordpress\.com|tumblr\.com|pinterest\.\w+|vimeo\.com|soundcloud\.com)$/;
const PERSONAL_PATH =
  /\/(?:u|user|users|profile|profiel|people|members?|stories|story|verhalen|verhaal|author|in|fundraiser|f)\/[\w.-]*\p{L}{2}|\/@[\w.-]{2,}/u;
const NAME_SLUG = /\/[\p{L}]{2,}[-_.][\p{L}]{2,}(?:[-_.][\p{L}]{2,})?\/?$/u;
const OWNER_CUE =
  /(?:\bmy\b|\bmijn\b|\bi'?ve\b|\bi have\b|\bposted\b|\bshared\b|\buploaded\b|\bfollow me\b|\bvolg me\b|\bwebsite\s*:|\bsite\s*:|\bblog\s*:|\bprofile\s*:)[^.!?\n]{0,30}$|\b(?:website|site|blog|homepage|profile|url)\s*:\s*$/;

/** Links; personal ones (profiles, fundraisers, story pages, the author's own site) score high, others low. */
export function detectUrls(scan: ScanText): Candidate[] {
  if (!scan.value.includes('/') && !scan.lower.includes('www.')) return [];
  const out: Candidate[] = [];
  for (const m of matchesOf(URL_RE, scan)) {
    let text = m[0];
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
