import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Single characters separated by single spaces ("j o h n @ g m a i l . c o m"); each step consumes two characters.
const SPACED = /(?<![\p{L}\p{N}])[\p{L}\p{N}._-](?: [\p{L}\p{N}._@-]){5,160}(?![\p{L}\p{N}])/gu;
const COLLAPSED_EMAIL = /^[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,6}$/u;

/** `text.includes(' @ ')`, searching for the rare '@' rather than the common space. */
function hasSpacedAt(text: string): boolean {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (text.charCodeAt(at - 1) === 0x20 && text.charCodeAt(at + 1) === 0x20) return true;
  }
  return false;
}

/** E-mail addresses typed with a space between every character. */
export function detectSpacedEmails(scan: ScanText): Candidate[] {
  if (!hasSpacedAt(scan.value)) return [];
  const out: Candidate[] = [];
  for (const m of matchesOf(SPACED, scan)) {
    const collapsed = m[0].replaceAll(' ', '');
    if (!COLLAPSED_EMAIL.test(collapsed)) continue;
    out.push({
      type: 'EMAIL',
      start: m.index,
      end: m.index + m[0].length,
      confidence: 0.9,
      detector: 'email.spaced',
    });
  }
  return out;
}
