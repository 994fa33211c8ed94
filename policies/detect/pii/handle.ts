import { digitRunsOf } from './text-index.ts';
import { LiteralFilter } from './literal-filter.ts';
import { before, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

const AT_HANDLE = /(?<![\p{L}\p{N}_.@/])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]{0,38}[\p{L}\p{N}_])?)/gu;
const DISCORD_TAG = /(?<![\p{L}\p{N}_.])([\p{L}\p{N}_.]{2,32})#(\d{4})(?!\d)/gu;
// "snap me @ sk8rgrl_02", "insta: moonlit.fern": a platform cue followed by a username-shaped token.
const CUED =
  /\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|telegram|discord|twitter|kik|signal|threads|bluesky|mastodon|reddit|add me|follow me|volg me|dm me)\b(?: me)?(?: on| op)?\s{0,3}[:@]?\s{0,3}(?:@ ?)?((?=[\p{L}\p{N}_.]{0,31}[_\d.])[\p{L}\p{N}_][\p{L}\p{N}_.]{2,31})/giu;
// "my insta is gracelin", "discord: moonlitfern": an explicit platform label makes any username-shaped word a handle.
const LABELLED =
  /\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|telegram|discord|twitter|kik|threads|bluesky|mastodon|reddit)(?: (?:handle|name|username|naam|account))?(?:\s{0,2}:\s{0,3}| is | =)@?((?=[\p{L}\p{N}_])[\p{L}\p{N}_.]{3,30})/giu;
// Cheap gate for the two platform-cue patterns: most messages name no platform at all.
const PLATFORM_FILTER = new LiteralFilter([
  'snap',
  'insta',
  'tiktok',
  'telegram',
  'discord',
  'twitter',
  'kik',
  'signal',
  'threads',
  'bluesky',
  'mastodon',
  'reddit',
  'add me',
  'follow me',
  'volg me',
  'dm me',
]);

/** Whether `code` is an ASCII word character (what `\b` looks at). */
function isWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f
  );
}

/** Whether "ig" (Instagram) occurs as a word: too short for the filter, and inside many words ("night", "big"). */
function hasIgWord(lower: string): boolean {
  for (let i = lower.indexOf('ig'); i >= 0; i = lower.indexOf('ig', i + 1)) {
    if (!isWordCode(lower.charCodeAt(i - 1)) && !isWordCode(lower.charCodeAt(i + 2))) return true;
  }
  return false;
}
const NOT_USERNAMES = new Set([
  'the',
  'and',
  'een',
  'het',
  'mijn',
  'my',
  'your',
  'jouw',
  'down',
  'broken',
  'private',
  'privé',
  'dead',
  'best',
  'great',
  'great.',
  'fine',
  'open',
  'gone',
  'weg',
  'leuk',
  'awful',
  'toxic',
  'full',
  'boring',
  'stom',
]);
// Reddit-style user paths: u/quiet_harbour.
const REDDIT_USER = /(?<![\p{L}\p{N}_/])u\/[A-Za-z0-9_-]{3,20}/gu;
// Group mentions and platform words that look like handles but point at no one.
const GROUPS = new Set([
  'here',
  'channel',
  'everyone',
  'all',
  'mods',
  'moderators',
  'admins',
  'admin',
  'team',
  'iedereen',
  'allen',
  'staff',
  'bot',
  'ward',
]);

/** Whether some run of exactly four digits follows a '#' (the number of a Discord name#1234 tag). */
function hasTagNumber(scan: ScanText): boolean {
  const { starts, ends } = digitRunsOf(scan);
  for (let k = 0; k < starts.length; k++) {
    if (ends[k]! - starts[k]! === 4 && scan.value.charCodeAt(starts[k]! - 1) === 0x23) return true;
  }
  return false;
}

/** `text.includes('u/')`, searching for the rarer '/'. */
function hasSlashAfterU(text: string): boolean {
  for (let at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
    if (text.charCodeAt(at - 1) === 0x75) return true;
  }
  return false;
}

/** Platform usernames: @mentions, Discord name#1234 tags, and usernames after a platform cue. */
export function detectHandles(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  if (scan.value.includes('@')) {
    for (const m of matchesOf(AT_HANDLE, scan)) {
      const name = m[1]!.toLowerCase();
      if (GROUPS.has(name)) continue;
      const shaped = /[_\d.]/.test(name);
      out.push({
        type: 'HANDLE',
        start: m.index,
        end: m.index + m[0].length,
        confidence: shaped ? 0.92 : 0.8,
        detector: 'handle.at',
      });
    }
  }
  if (hasTagNumber(scan)) {
    for (const m of matchesOf(DISCORD_TAG, scan)) {
      out.push({
        type: 'HANDLE',
        start: m.index,
        end: m.index + m[0].length,
        confidence: 0.9,
        detector: 'handle.discord',
      });
    }
  }
  if (PLATFORM_FILTER.mayOccur(scan) || hasIgWord(scan.lower)) {
    for (const m of matchesOf(CUED, scan)) {
      const name = m[1]!;
      if (!/[_\d.]/.test(name) || /^\d+$/.test(name) || GROUPS.has(name.toLowerCase())) continue;
      const start = m.index + m[0].length - name.length;
      if (before(scan, start, 1) === '@') continue; // the @-mention pass already has it
      out.push({ type: 'HANDLE', start, end: start + name.length, confidence: 0.8, detector: 'handle.cued' });
    }
    for (const m of matchesOf(LABELLED, scan)) {
      const name = m[1]!;
      const start = m.index + m[0].length - name.length;
      if (
        NOT_USERNAMES.has(name.toLowerCase()) ||
        /^\d+$/.test(name) ||
        out.some((o) => o.start <= start && start < o.end)
      )
        continue;
      out.push({
        type: 'HANDLE',
        start,
        end: start + name.length,
        confidence: 0.8,
        detector: 'handle.labelled',
      });
    }
  }
  if (hasSlashAfterU(scan.value)) {
    for (const m of matchesOf(REDDIT_USER, scan)) {
      out.push({
        type: 'HANDLE',
        start: m.index,
        end: m.index + m[0].length,
        confidence: 0.85,
        detector: 'handle.reddit',
      });
    }
  }
  return out;
}
