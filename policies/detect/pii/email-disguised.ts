import { isLetterOrNumberAt, isSpaceCode } from './char-class.ts';
import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

const TOKEN = /[([{](?:at|dot|punt)[)\]}]|[\p{L}\p{N}_%+-]+|[@.]/gu;
const AT = new Set([
  'at',
  '@',
  '(at)',
  '[at]',
  '{at}',
  'apenstaartje',
  'apestaartje',
  'apestaart',
  'at-sign',
]);
const DOT = new Set(['dot', 'punt', '.', '(dot)', '[dot]', '{dot}', '(punt)', '[punt]', 'dt']);
const TLDS = new Set([
  'com',
  'nl',
  'org',
  'net',
  'be',
  'uk',
  'de',
  'fr',
  'eu',
  'io',
  'info',
  'edu',
  'gov',
  'me',
  'app',
  'co',
  'us',
  'ca',
  'au',
  'ie',
  'es',
  'it',
  'ch',
  'at',
  'se',
  'no',
  'dk',
  'fi',
  'pl',
  'biz',
  'online',
  'email',
  'mail',
  'example',
  'voorbeeld',
  'test',
  'health',
  'care',
  'live',
  'xyz',
  'site',
  'nu',
  'frl',
  'amsterdam',
  'org.uk',
  'ac',
]);
// Words that precede "at" in ordinary prose; a local part made only of one of these is not an address.
const PROSE = new Set([
  'look',
  'looking',
  'me',
  'us',
  'him',
  'her',
  'them',
  'it',
  'this',
  'that',
  'is',
  'are',
  'was',
  'be',
  'you',
  'or',
  'and',
  'email',
  'mail',
  'e-mail',
  'contact',
  'write',
  'naar',
  'to',
  'via',
  'arrive',
  'arrived',
  'meet',
  'work',
  'works',
  'stay',
  'staying',
  'live',
  'lives',
  'home',
  'here',
  'there',
  'aimed',
  'good',
  'bad',
  'best',
  'great',
]);

// A written-out at (not '@'), a word token and a dot token: what every address spelled with an at-word starts with.
const AT_WORD_THEN_DOT =
  /(?:\bat\b|apenstaartje|apestaartje|apestaart|[([{]at[)\]}])\s*[\p{L}\p{N}_%+-]+\s*(?:\.|\bdot\b|\bpunt\b|\bdt\b|[([{](?:dot|punt)[)\]}])/u;
const AT_THEN_DOT =
  /(?:\bat\b|apenstaartje|apestaartje|apestaart|[([{]at[)\]}]|@)\s*[\p{L}\p{N}_-]+\s*(?:\.|\bdot\b|\bpunt\b|[([{](?:dot|punt)[)\]}])/u;

/**
 * Whether some '@' could be part of a spelled-out address. An '@' address is only reported when spaces split its
 * chain of words and dots (joined, it is a plain address), so the chain must cross an edge of the space-free
 * stretch around the '@': with the '@' itself at the edge, or a dot token (".", "dot", "punt", "dt", "(dot)" …)
 * on one side of the spaces there.
 */
function someAtSignMaySpell(scan: ScanText): boolean {
  const lower = scan.lower;
  // The space-free stretch around the current '@' (shared by every '@' inside it, so each is measured once).
  let start = -1;
  let end = -1;
  for (let a = lower.indexOf('@'); a >= 0; a = lower.indexOf('@', a + 1)) {
    scan.work.steps++;
    if (a >= end) {
      start = a;
      while (start > 0 && !isSpaceCode(lower.charCodeAt(start - 1))) start--;
      end = a + 1;
      while (end < lower.length && !isSpaceCode(lower.charCodeAt(end))) end++;
      scan.work.steps += end - start;
      if (stretchEdgeMaySpell(lower, start, end)) return true;
    }
    if (start === a || end === a + 1) return true;
  }
  return false;
}

/** Whether a dot token sits at either edge of the space-free stretch [start, end), or across up to three spaces. */
function stretchEdgeMaySpell(lower: string, start: number, end: number): boolean {
  if (endsWithDot(lower, end) || startsWithDot(lower, start)) return true;
  let next = end;
  while (next < lower.length && next - end < 4 && isSpaceCode(lower.charCodeAt(next))) next++;
  if (next - end <= 3 && next < lower.length && startsWithDot(lower, next)) return true;
  let prev = start;
  while (prev > 0 && start - prev < 4 && isSpaceCode(lower.charCodeAt(prev - 1))) prev--;
  return start - prev <= 3 && prev > 0 && endsWithDot(lower, prev);
}

/** Whether `lower[i]` belongs to a word token ([\p{L}\p{N}_%+-]). */
function isTokenChar(lower: string, i: number): boolean {
  const c = lower.charCodeAt(i);
  return c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d || isLetterOrNumberAt(lower, i);
}

const DOT_WORDS = new Set(['dot', 'punt', 'dt']);
const BRACKET_DOT = /^[([{](?:dot|punt)[)\]}]$/;

/** Whether a dot token (".", "dot", "punt", "dt", "(dot)" …) starts at `i`, which starts a token. */
function startsWithDot(lower: string, i: number): boolean {
  const c = lower[i];
  if (c === '.') return true;
  if (c === '(' || c === '[' || c === '{')
    return BRACKET_DOT.test(lower.slice(i, i + 5)) || BRACKET_DOT.test(lower.slice(i, i + 6));
  let end = i;
  while (end < lower.length && end - i < 5 && isTokenChar(lower, end)) end++;
  return DOT_WORDS.has(lower.slice(i, end)) && !isTokenChar(lower, end);
}

/** Whether a dot token ends right before `end`, which ends a token. */
function endsWithDot(lower: string, end: number): boolean {
  const c = lower[end - 1];
  if (c === '.') return true;
  if (c === ')' || c === ']' || c === '}')
    return (
      BRACKET_DOT.test(lower.slice(end - 5, end)) || BRACKET_DOT.test(lower.slice(Math.max(0, end - 6), end))
    );
  let start = end;
  while (start > 0 && end - start < 5 && isTokenChar(lower, start - 1)) start--;
  return DOT_WORDS.has(lower.slice(start, end)) && (start === 0 || !isTokenChar(lower, start - 1));
}

interface Tok {
  text: string;
  start: number;
  end: number;
}

/** E-mail addresses spelled out: "k dot morales at yahoo dot com", "joris punt dekker apenstaartje hotmail punt com". */
export function detectDisguisedEmails(scan: ScanText): Candidate[] {
  // Cheap gates: an at-word, or an '@' whose words and dots may be split by spaces; then an at-word or @
  // followed within a few words by a dot-word or a literal dot.
  if (!AT_WORD_THEN_DOT.test(scan.lower) && !someAtSignMaySpell(scan)) return [];
  if (!AT_THEN_DOT.test(scan.lower)) return [];
  const toks: Tok[] = [];
  for (const m of matchesOf(TOKEN, scan, scan.lower))
    toks.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  const out: Candidate[] = [];
  const adjacent = (a: Tok, b: Tok) =>
    b.start - a.end <= 3 && /^\s*$/u.test(scan.lower.slice(a.end, b.start));
  const isWord = (t: Tok | undefined) => t !== undefined && !AT.has(t.text) && !DOT.has(t.text);
  for (let i = 1; i + 3 < toks.length; i++) {
    scan.work.steps++;
    const at = toks[i]!;
    if (!AT.has(at.text)) continue;
    // Right side: word (DOT word)+ ending in a known top-level domain.
    let r = i + 1;
    if (!isWord(toks[r]) || !adjacent(at, toks[r]!)) continue;
    let dots = 0;
    while (
      r + 2 < toks.length &&
      DOT.has(toks[r + 1]!.text) &&
      isWord(toks[r + 2]) &&
      adjacent(toks[r]!, toks[r + 1]!)
    ) {
      if (!adjacent(toks[r + 1]!, toks[r + 2]!)) break;
      r += 2;
      dots++;
      if (dots > 5) break;
    }
    if (dots === 0 || !TLDS.has(toks[r]!.text)) continue;
    // Left side: word (DOT word)*.
    let l = i - 1;
    if (!isWord(toks[l]) || !adjacent(toks[l]!, at)) continue;
    while (
      l - 2 >= 0 &&
      DOT.has(toks[l - 1]!.text) &&
      isWord(toks[l - 2]) &&
      adjacent(toks[l - 2]!, toks[l - 1]!)
    ) {
      if (!adjacent(toks[l - 1]!, toks[l]!)) break;
      l -= 2;
    }
    if (l === i - 1 && PROSE.has(toks[l]!.text)) continue;
    const plain =
      at.text === '@' && toks.slice(l, r + 1).every((t, k, a) => k === 0 || t.start === a[k - 1]!.end);
    if (plain) continue;
    out.push({
      type: 'EMAIL',
      start: toks[l]!.start,
      end: toks[r]!.end,
      confidence: 0.88,
      detector: 'email.disguised',
    });
    i = r;
  }
  return out;
}
