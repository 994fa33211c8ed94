import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Local part and domain labels are bounded; '.' is outside the label class so the domain cannot backtrack.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,63})@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,6}/gu;

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

/** Plain e-mail addresses (after normalization has removed zero-width characters and look-alike letters). */
export function detectEmails(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  if (!scan.value.includes('@')) return out;
  for (const m of matchesOf(EMAIL, scan)) {
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
