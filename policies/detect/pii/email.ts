import { isLetterOrNumberAt, isPairAt } from './char-class.ts';
import { matchesAt } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Local part and domain labels are bounded; '.' is outside the label class so the domain cannot backtrack.
// Sticky: tried only where a local part can start (see localPartStarts).
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,63})@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,6}/uy;

// Mailboxes that belong to a role, not a person ("events@…"); still reported, with low confidence.
const ROLE_MAILBOXES = new Set([
  'info',
  'events',
  'event',
  'contact',
  'support',
  'help',
  'helpdesk',
  'admin',
  'office',
  'hello',
  'team',
  'noreply',
  'no-reply',
  'secretariaat',
  'secretariat',
  'receptie',
  'reception',
  'press',
  'pers',
  'communicatie',
  'billing',
  'service',
  'klantenservice',
  'webmaster',
  'privacy',
  'jobs',
  'vacatures',
  'balie',
  'praktijk',
  'bestuur',
]);

/** Whether the code point at `text[i]` can be part of a local part ([\p{L}\p{N}._%+-]). */
function isLocalPartChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d) return true;
  return isLetterOrNumberAt(text, i);
}

/**
 * Where an address can start: the local part may not follow one of its own characters, so it starts where the run
 * of such characters before an '@' starts, and only if that run is at most 64 code points long. In text order.
 */
function localPartStarts(scan: ScanText): number[] {
  const text = scan.value;
  const out: number[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    let length = 0;
    while (start > 0 && length <= 64) {
      const width = isPairAt(text, start - 2) ? 2 : 1;
      if (!isLocalPartChar(text, start - width)) break;
      start -= width;
      length++;
    }
    scan.work.steps += length + 1;
    if (length >= 1 && length <= 64) out.push(start);
  }
  return out;
}

/** Plain e-mail addresses (after normalization has removed zero-width characters and look-alike letters). */
export function detectEmails(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  if (!scan.value.includes('@')) return out;
  for (const m of matchesAt(EMAIL, scan, localPartStarts(scan))) {
    let text = m[0];
    while (text.endsWith('.') || text.endsWith('-')) text = text.slice(0, -1);
    const at = text.indexOf('@');
    const tld = text.slice(text.lastIndexOf('.') + 1);
    if (!/^\p{L}{2,24}$/u.test(tld)) continue;
    const local = text.slice(0, at).toLowerCase();
    const confidence = ROLE_MAILBOXES.has(local) ? 0.35 : 0.97;
    out.push({
      type: 'EMAIL',
      start: m.index,
      end: m.index + text.length,
      confidence,
      detector: 'email.plain',
    });
  }
  return out;
}
