import {
  BLOCKED_NAME_WORDS,
  INTRO_CUE,
  PARTICLES,
  PERSON_AFTER,
  PERSON_BEFORE,
  PLACE_BEFORE,
  STRONG_BEFORE,
  TITLES,
  WEAK_TITLES,
} from './name-words.ts';
import { nameLexicon } from './name-lexicon.ts';
import { isSpaceCode } from './char-class.ts';
import { LowerWordSet, type Word, type WordList, wordsOf } from './name-tokens.ts';
import { lowerHash } from './text-index.ts';
import type { Candidate, ScanText } from './types.ts';

// Verbs after two unknown capitalised words that make them a person (stricter than PERSON_AFTER).
const PAIR_VERBS = new Set(
  [...PERSON_AFTER].filter(
    (v) =>
      ![
        'and',
        'en',
        'will',
        'would',
        'can',
        'could',
        'should',
        'did',
        'does',
        'kan',
        'moet',
        'mag',
        'is',
        'was',
        'has',
        'had',
        'heeft',
      ].includes(v),
  ),
);
const SPEECH = new Set([
  'says',
  'said',
  'asks',
  'asked',
  'zegt',
  'zei',
  'vroeg',
  'writes',
  'wrote',
  'schrijft',
  'schreef',
]);
// Sticky: tried right after the word.
const EPONYM_AFTER =
  /(?:['’]s)?[\s-](?:disease|syndrome|palsy|disorder|ziekte|syndroom|lymphoma|sarcoma|tumou?r|test|scale|score|sign|vaccine|vaccin|prik|jab|shot)\b/y;
// Titles are looked up for every word of every message: the hashed sets avoid cutting each word's string.
const TITLE_WORDS = new LowerWordSet(TITLES);
const WEAK_TITLE_WORDS = new LowerWordSet(WEAK_TITLES);
const PARTICLE_WORDS = new LowerWordSet(PARTICLES);
const PLACE_BEFORE_WORDS = new LowerWordSet(PLACE_BEFORE);
const PERSON_BEFORE_WORDS = new LowerWordSet(PERSON_BEFORE);
const PERSON_AFTER_WORDS = new LowerWordSet(PERSON_AFTER);
const STRONG_BEFORE_WORDS = new LowerWordSet(STRONG_BEFORE);
const PAIR_VERB_WORDS = new LowerWordSet(PAIR_VERBS);
const SPEECH_WORDS = new LowerWordSet(SPEECH);
const THE = new LowerWordSet(new Set(['the']));
const STRONG_INTRO =
  /(?:name is|name's|name:|name\?|ik heet|heet|naam is|naam:|called|named|genaamd|user:)\s{1,3}$/;
// The last character of each cue above and of INTRO_CUE: a word whose preceding text ends otherwise skips the regex.
const STRONG_INTRO_ENDS = new Set(['s', ':', '?', 't', 'd']);
const INTRO_CUE_ENDS = new Set(['s', ':', '?', 'm', 'n', 't', 'r', 'd', ',', 'e', 'h', 'y']);
const SAINTS = new LowerWordSet(new Set(['st', 'saint', 'sint', 'sainte', 'san', 'santa']));

/**
 * Whether the 30 characters of `lower` before `end` (the context the cue regexes see) can end in a cue from `ends`
 * followed by one to three white-space characters (the cue regexes' tail).
 */
function mayEndInCue(lower: string, end: number, ends: ReadonlySet<string>): boolean {
  const from = Math.max(0, end - 30);
  let k = end;
  while (k > from && end - k < 4 && isSpaceCode(lower.charCodeAt(k - 1))) k--;
  const spaces = end - k;
  return spaces >= 1 && spaces <= 3 && k > from && ends.has(lower[k - 1]!);
}

/** The 30 lower-cased characters before a word, where introduction cues sit. */
function contextBefore(scan: ScanText, w: Word): string {
  return scan.lower.slice(Math.max(0, w.start - 30), w.start);
}

/** Whether the word is in the first-name lexicon (memoised on the word). */
function inFirst(w: Word | undefined): boolean {
  if (w === undefined) return false;
  if (w.inFirst === undefined) {
    const lexicon = nameLexicon();
    w.inFirst = (w.cased || !lexicon.allCased) && lexicon.first.has(w.text);
  }
  return w.inFirst;
}

/** Whether the word is in the surname lexicon (memoised on the word). */
function inLast(w: Word | undefined): boolean {
  if (w === undefined) return false;
  if (w.inLast === undefined) {
    const lexicon = nameLexicon();
    w.inLast = (w.cased || !lexicon.allCased) && lexicon.last.has(w.text);
  }
  return w.inLast;
}

/** `/^\s$/`: a single white-space character. */
function isOneSpace(gap: string | undefined): boolean {
  return gap !== undefined && gap.length === 1 && isSpaceCode(gap.charCodeAt(0));
}

/** `/^\.?\s{1,max}$/`: white space, optionally after a full stop. */
function isDotThenSpaces(gap: string, max: number): boolean {
  const k = gap.startsWith('.') ? 1 : 0;
  const spaces = gap.length - k;
  if (spaces < 1 || spaces > max) return false;
  for (let i = k; i < gap.length; i++) if (!isSpaceCode(gap.charCodeAt(i))) return false;
  return true;
}

// Blocked ASCII words by the hash of their lower-case form, to rule a capitalised word out without cutting its text.
const BLOCKED_BY_HASH = new Map<number, string[]>();
for (const word of BLOCKED_NAME_WORDS) {
  if (!/^[\x00-\x7f]+$/.test(word)) continue;
  const h = lowerHash(word.toLowerCase());
  BLOCKED_BY_HASH.set(h, [...(BLOCKED_BY_HASH.get(h) ?? []), word]);
}

/** `nameish(words.at(i))`, answered from the word's hash for ASCII words (most capitalised words are ruled in or out there). */
function nameishAt(words: WordList, i: number): boolean {
  if (!words.isCap(i)) return false;
  const h = words.hashAt(i);
  if (h === -1 || TITLE_WORDS.mayHaveHash(h)) return nameish(words.at(i));
  const blocked = BLOCKED_BY_HASH.get(h);
  if (blocked === undefined) return true;
  for (const b of blocked) if (words.textIs(i, b)) return false;
  return true;
}

/** Whether a word can be part of a name at all. */
function nameish(w: Word | undefined): w is Word {
  if (w?.cap !== true) return false;
  w.nameish ??= !BLOCKED_NAME_WORDS.has(w.text) && !TITLES.has(w.lower);
  return w.nameish;
}

/** Index after a run of surname tokens starting at `i` (particles, then one or two capitalised words). */
function surnameEnd(words: WordList, i: number): number {
  let j = i;
  let particles = 0;
  while (
    j < words.length &&
    particles < 3 &&
    PARTICLE_WORDS.hasWord(words.at(j)) &&
    isOneSpace(words.at(j + 1)?.gap)
  ) {
    j++;
    particles++;
  }
  const gap = words.at(j)?.gap;
  const gapOk =
    gap === ' ' ||
    gap === '\t' ||
    gap === '  ' ||
    (words.at(j - 1)?.initial === true && gap !== undefined && gap.length === 2 && isDotThenSpaces(gap, 1));
  if (!nameish(words.at(j)) || !gapOk) return i;
  j++;
  // A second surname ("Bowers-Smith" is one token; "Garcia Lopez" two) only when the lexicon knows it.
  if (nameish(words.at(j)) && words.at(j)!.gap === ' ' && inLast(words.at(j))) j++;
  return j;
}

/** Index after an optional middle initial ("Ján M. Novák", "Ryan P Costa"). */
function afterInitial(words: WordList, i: number): number {
  const w = words.at(i);
  return w?.initial && isOneSpace(w.gap) && words.at(i + 1) && isDotThenSpaces(words.at(i + 1)!.gap, 1)
    ? i + 1
    : i;
}

function span(words: WordList, from: number, to: number, confidence: number, detector: string): Candidate {
  return { type: 'NAME', start: words.at(from)!.start, end: words.at(to - 1)!.end, confidence, detector };
}

/** People's names from titles, first-name/surname lexicons, tussenvoegsels and context cues (EN + NL). */
export function detectNames(scan: ScanText): Candidate[] {
  const words = wordsOf(scan);
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    scan.work.steps++;
    // Only titles and name-like capitalised words start a name; other words are not looked at on their own.
    if (!TITLE_WORDS.mayHaveHash(words.hashAt(i)) && !nameishAt(words, i)) continue;
    const w = words.at(i)!;
    const prev = words.at(i - 1);
    // 1. Title + name: "Dr. Helena Marsh", "mevrouw Truus Veenstra", "dhr. de Jong".
    if (TITLE_WORDS.hasWord(w) && (!WEAK_TITLE_WORDS.hasWord(w) || w.cap || scan.value[w.end] === '.')) {
      const k = i + 1;
      const end = surnameEnd(words, k);
      const middle = afterInitial(words, k + 1);
      const fullEnd = surnameEnd(words, middle);
      const first2 =
        nameish(words.at(k)) && isDotThenSpaces(words.at(k)!.gap, 2)
          ? Math.max(end, fullEnd > middle ? fullEnd : k + 1)
          : end;
      if (first2 > k) {
        out.push(span(words, k, first2, 0.92, 'name.title'));
        i = first2 - 1;
        continue;
      }
    }
    if (!nameish(w)) continue;
    // Eponyms: "Hashimoto's disease", "Bell's palsy", "Wilson syndroom" name a condition, not a person.
    EPONYM_AFTER.lastIndex = w.end;
    if (EPONYM_AFTER.test(scan.lower)) continue;
    const isFirst = inFirst(w);
    // The introduction cues look at the 30 characters before the word, cut only when a cue may end there.
    const introduced =
      !isFirst &&
      !w.sentenceStart &&
      mayEndInCue(scan.lower, w.start, INTRO_CUE_ENDS) &&
      INTRO_CUE.test(contextBefore(scan, w));
    // 2. First name + surname: "Jan de Vries", "Ryan P Costa", "Naomi Fairweather".
    if (isFirst || introduced) {
      const middle = afterInitial(words, i + 1);
      const end = surnameEnd(words, middle);
      if (end > middle) {
        const lastKnown = inLast(words.at(end - 1));
        const confidence = isFirst ? (lastKnown ? 0.94 : 0.85) : 0.78;
        out.push(span(words, i, end, confidence, 'name.full'));
        i = end - 1;
        continue;
      }
    }
    // 2b. Two capitalised words without a known first name: a known surname, a person verb, or a line of its own.
    const pairMiddle = afterInitial(words, i + 1);
    const pairEnd = surnameEnd(words, pairMiddle);
    const pair = pairEnd > pairMiddle ? pairEnd : i + 1;
    // "Contact Sarah O'Connor": when the next word starts a full name of its own, this word is not part of it.
    // Place words before ("in Sanne") make a place; runs of three or more capitalised words are titles and
    // headlines, not names. (Tested in this order, cheapest first.)
    if (
      pair > i + 1 &&
      pair - i <= 3 &&
      !THE.hasWord(prev) &&
      !(inFirst(words.at(i + 1)) && surnameEnd(words, i + 2) > i + 2) &&
      !(PLACE_BEFORE_WORDS.hasWord(prev) && isOneSpace(w.gap)) &&
      !(prev?.cap === true && w.gap === ' ' && !w.sentenceStart) &&
      !(words.at(pair)?.cap === true && words.at(pair)!.gap === ' ')
    ) {
      const tail = words.at(pair - 1)!;
      const verbAfter = PAIR_VERB_WORDS.hasWord(words.at(pair)) && isOneSpace(words.at(pair)?.gap);
      const ownLine =
        w.sentenceStart &&
        /\n|^$/.test(w.gap) &&
        /^[ \t]*(?:\n|$)/.test(scan.value.slice(tail.end, tail.end + 3));
      const confidence = inLast(tail) || inFirst(tail) ? 0.75 : verbAfter || ownLine ? 0.7 : 0;
      if (confidence > 0) {
        out.push(span(words, i, pair, confidence, 'name.pair'));
        i = pair - 1;
        continue;
      }
    }
    // 3. Name after an introduction cue: "my name is Sanne", "Name: Åsa Laine".
    if (mayEndInCue(scan.lower, w.start, STRONG_INTRO_ENDS) && STRONG_INTRO.test(contextBefore(scan, w))) {
      out.push(span(words, i, i + 1, 0.8, 'name.intro'));
      continue;
    }
    // The rules below need a first name or a word inside a sentence.
    if (w.sentenceStart && !isFirst) continue;
    // The words right before and after, when only a space (or a comma before) separates them.
    const before = prev && /^[ \t]{1,2}$|^,\s$/.test(w.gap) ? prev : undefined;
    const next = words.at(i + 1);
    const after = next && isOneSpace(next.gap) ? next : undefined;
    const punctAfter =
      scan.value[w.end] === ',' ||
      scan.value[w.end] === ':' ||
      scan.value.startsWith("'s", w.end) ||
      scan.value.startsWith('’s', w.end);
    if (SAINTS.hasWord(before)) continue;
    // 3b. Any capitalised word right after a kinship or naming cue ("my kid Dzhambek"), or a speech verb ("says Gerste").
    if (!w.sentenceStart && (STRONG_BEFORE_WORDS.hasWord(before) || SPEECH_WORDS.hasWord(before))) {
      out.push(span(words, i, i + 1, STRONG_BEFORE_WORDS.hasWord(before) ? 0.85 : 0.7, 'name.cued'));
      continue;
    }
    // 4. A lone first name: context decides between person, place and sentence start.
    if (isFirst) {
      let confidence: number;
      if (STRONG_BEFORE_WORDS.hasWord(before)) confidence = 0.9;
      else if (PLACE_BEFORE_WORDS.hasWord(before) && !PERSON_AFTER_WORDS.hasWord(after)) confidence = 0.35;
      else if (!w.sentenceStart) confidence = 0.75;
      else
        confidence =
          punctAfter ||
          PERSON_AFTER_WORDS.hasWord(after) ||
          /^\s*[!?.]?\s*$/.test(scan.value.slice(w.end, w.end + 2))
            ? 0.72
            : 0.35;
      out.push(span(words, i, i + 1, confidence, 'name.first'));
      continue;
    }
    // 5. A lone known surname mid-sentence ("Morrison, Rogers and Torres"), weaker.
    if (!w.sentenceStart && inLast(w) && !PLACE_BEFORE_WORDS.hasWord(before)) {
      const confidence =
        PERSON_BEFORE_WORDS.hasWord(before) || PERSON_AFTER_WORDS.hasWord(after) || punctAfter ? 0.6 : 0.45;
      out.push(span(words, i, i + 1, confidence, 'name.surname'));
    }
  }
  return propagate(words, out);
}

/** A word that was part of a confident name elsewhere in the message is that name again ("… starring Adamska"). */
function propagate(words: WordList, found: Candidate[]): Candidate[] {
  // Lists and repeats both start from a name already found.
  if (found.length === 0) return found;
  // cover[k]: the candidate covering word k (candidates never overlap each other here), found in one sweep.
  const cover: (Candidate | undefined)[] = new Array(words.length);
  const sorted = [...found].sort((a, b) => a.start - b.start);
  let ci = 0;
  for (let k = 0; k < words.length; k++) {
    while (ci < sorted.length && sorted[ci]!.end <= words.startAt(k)) ci++;
    const c = sorted[ci];
    if (c && c.start < words.endAt(k)) cover[k] = c;
  }
  const known = new Set<string>();
  // Hashes of the known words (-1 for non-ASCII ones), to pass over other words without cutting their text.
  const knownHashes = new Set<number>();
  for (let k = 0; k < words.length; k++) {
    if (cover[k] && cover[k]!.confidence >= 0.7 && words.isCap(k)) {
      known.add(words.at(k)!.text);
      knownHashes.add(words.hashAt(k));
    }
  }
  const out = [...found];
  // Lists: "Morrison, Rogers and Torres" — a capitalised word joined to a name by a comma or "and" is a name too.
  for (let order = 1; order >= -1; order -= 2) {
    for (let k = order > 0 ? 1 : words.length - 2; k >= 0 && k < words.length; k += order) {
      // The neighbour must be part of a name; test that first, as most words have none next to them.
      const next = cover[k - order];
      if (!next || next.confidence < 0.6) continue;
      const w = words.at(k)!;
      const other = words.at(k - order)!;
      if (cover[k] || !nameish(w) || !/^(?:, | and | en | & )$/.test(order > 0 ? w.gap : other.gap)) continue;
      const opensMessage = w.sentenceStart && !w.gap.includes(':');
      if (opensMessage && !inFirst(w) && !inLast(w)) continue;
      const listed: Candidate = {
        type: 'NAME',
        start: w.start,
        end: w.end,
        confidence: 0.65,
        detector: 'name.list',
      };
      out.push(listed);
      cover[k] = listed;
    }
  }
  if (known.size === 0) return out;
  for (let k = 0; k < words.length; k++) {
    // Only capitalised words were added to `known`, so the others need no closer look; equal words hash alike.
    if (!words.isCap(k)) continue;
    const h = words.hashAt(k);
    if (h !== -1 && !knownHashes.has(h)) continue;
    const w = words.at(k)!;
    if (!known.has(w.text) || BLOCKED_NAME_WORDS.has(w.text)) continue;
    if (cover[k] && cover[k]!.confidence >= 0.7) continue;
    out.push({ type: 'NAME', start: w.start, end: w.end, confidence: 0.8, detector: 'name.repeat' });
  }
  return out;
}
