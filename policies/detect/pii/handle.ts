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
const PLATFORM_GATE =
  /snap|insta|\big\b|tiktok|telegram|discord|twitter|kik|signal|threads|bluesky|mastodon|reddit|add me|follow me|volg me|dm me/;
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
  if (scan.value.includes('#')) {
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
  if (PLATFORM_GATE.test(scan.lower)) {
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
  if (scan.value.includes('u/')) {
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
