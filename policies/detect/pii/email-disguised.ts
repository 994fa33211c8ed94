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

interface Tok {
  text: string;
  start: number;
  end: number;
}

/** E-mail addresses spelled out: "k dot morales at yahoo dot com", "joris punt dekker apenstaartje hotmail punt com". */
export function detectDisguisedEmails(scan: ScanText): Candidate[] {
  // Cheap gate: an at-word or @ followed within a few words by a dot-word or a literal dot.
  if (
    !/(?:\bat\b|apenstaartje|apestaartje|apestaart|[([{]at[)\]}]|@)\s*[\p{L}\p{N}_-]+\s*(?:\.|\bdot\b|\bpunt\b|[([{](?:dot|punt)[)\]}])/u.test(
      scan.lower,
    )
  ) {
    return [];
  }
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
