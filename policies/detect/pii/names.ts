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
import { type Word, wordsOf } from './name-tokens.ts';
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
const EPONYM_AFTER =
  /^(?:['’]s)?[\s-](?:disease|syndrome|palsy|disorder|ziekte|syndroom|lymphoma|sarcoma|tumou?r|test|scale|score|sign|vaccine|vaccin|prik|jab|shot)\b/;
const STRONG_INTRO =
  /(?:name is|name's|name:|name\?|ik heet|heet|naam is|naam:|called|named|genaamd|user:)\s{1,3}$/;

/** Whether a word can be part of a name at all. */
function nameish(w: Word | undefined): w is Word {
  return w?.cap === true && !BLOCKED_NAME_WORDS.has(w.text) && !TITLES.has(w.lower);
}

/** Index after a run of surname tokens starting at `i` (particles, then one or two capitalised words). */
function surnameEnd(words: Word[], i: number): number {
  let j = i;
  let particles = 0;
  while (
    j < words.length &&
    particles < 3 &&
    PARTICLES.has(words[j]!.lower) &&
    /^\s$/.test(words[j + 1]?.gap ?? '')
  ) {
    j++;
    particles++;
  }
  const gapOk =
    /^[ \t]$|^ {2}$/.test(words[j]?.gap ?? '') ||
    (words[j - 1]?.initial === true && /^\.\s$/.test(words[j]?.gap ?? ''));
  if (!nameish(words[j]) || !gapOk) return i;
  j++;
  const { last } = nameLexicon();
  // A second surname ("Bowers-Smith" is one token; "Garcia Lopez" two) only when the lexicon knows it.
  if (nameish(words[j]) && words[j]!.gap === ' ' && last.has(words[j]!.text)) j++;
  return j;
}

/** Index after an optional middle initial ("Ján M. Novák", "Ryan P Costa"). */
function afterInitial(words: Word[], i: number): number {
  const w = words[i];
  return w?.initial && /^\s$/.test(w.gap) && words[i + 1] && /^\.?\s$/.test(words[i + 1]!.gap) ? i + 1 : i;
}

function span(words: Word[], from: number, to: number, confidence: number, detector: string): Candidate {
  return { type: 'NAME', start: words[from]!.start, end: words[to - 1]!.end, confidence, detector };
}

/** People's names from titles, first-name/surname lexicons, tussenvoegsels and context cues (EN + NL). */
export function detectNames(scan: ScanText): Candidate[] {
  const words = wordsOf(scan);
  const { first, last } = nameLexicon();
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    scan.work.steps++;
    const w = words[i]!;
    const prev = words[i - 1];
    // 1. Title + name: "Dr. Helena Marsh", "mevrouw Truus Veenstra", "dhr. de Jong".
    if (TITLES.has(w.lower) && (!WEAK_TITLES.has(w.lower) || w.cap || scan.value[w.end] === '.')) {
      const k = i + 1;
      const end = surnameEnd(words, k);
      const middle = afterInitial(words, k + 1);
      const fullEnd = surnameEnd(words, middle);
      const first2 =
        nameish(words[k]) && /^\.?\s{1,2}$/.test(words[k]!.gap)
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
    if (EPONYM_AFTER.test(scan.lower.slice(w.end, w.end + 24))) continue;
    const ctx = scan.lower.slice(Math.max(0, w.start - 30), w.start);
    const isFirst = first.has(w.text);
    const introduced = !isFirst && !w.sentenceStart && INTRO_CUE.test(ctx);
    // 2. First name + surname: "Jan de Vries", "Ryan P Costa", "Naomi Fairweather".
    if (isFirst || introduced) {
      const middle = afterInitial(words, i + 1);
      const end = surnameEnd(words, middle);
      if (end > middle) {
        const lastKnown = last.has(words[end - 1]!.text);
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
    const nextStartsName = first.has(words[i + 1]?.text ?? '') && surnameEnd(words, i + 2) > i + 2;
    const placeBefore = PLACE_BEFORE.has(prev?.lower ?? '') && /^\s$/.test(w.gap);
    // Runs of three or more capitalised words are titles and headlines, not names.
    const inHeadline =
      (prev?.cap === true && /^ $/.test(w.gap) && !w.sentenceStart) ||
      (words[pair]?.cap === true && /^ $/.test(words[pair]!.gap));
    if (
      pair > i + 1 &&
      pair - i <= 3 &&
      prev?.lower !== 'the' &&
      !nextStartsName &&
      !placeBefore &&
      !inHeadline
    ) {
      const tail = words[pair - 1]!;
      const verbAfter = PAIR_VERBS.has(words[pair]?.lower ?? '') && /^\s$/.test(words[pair]?.gap ?? '');
      const ownLine =
        w.sentenceStart &&
        /\n|^$/.test(w.gap) &&
        /^[ \t]*(?:\n|$)/.test(scan.value.slice(tail.end, tail.end + 3));
      const confidence = last.has(tail.text) || first.has(tail.text) ? 0.75 : verbAfter || ownLine ? 0.7 : 0;
      if (confidence > 0) {
        out.push(span(words, i, pair, confidence, 'name.pair'));
        i = pair - 1;
        continue;
      }
    }
    // 3. Name after an introduction cue: "my name is Sanne", "Name: Åsa Laine".
    if (STRONG_INTRO.test(ctx)) {
      out.push(span(words, i, i + 1, 0.8, 'name.intro'));
      continue;
    }
    const before = prev && /^[ \t]{1,2}$|^,\s$/.test(w.gap) ? prev.lower : '';
    const next = words[i + 1];
    const after = next && /^\s$/.test(next.gap) ? next.lower : '';
    const punctAfter =
      scan.value[w.end] === ',' ||
      scan.value[w.end] === ':' ||
      scan.value.startsWith("'s", w.end) ||
      scan.value.startsWith('’s', w.end);
    if (/^(?:st|saint|sint|sainte|san|santa)$/.test(before)) continue;
    // 3b. Any capitalised word right after a kinship or naming cue ("my kid Dzhambek"), or a speech verb ("says Gerste").
    if (!w.sentenceStart && (STRONG_BEFORE.has(before) || SPEECH.has(before))) {
      out.push(span(words, i, i + 1, STRONG_BEFORE.has(before) ? 0.85 : 0.7, 'name.cued'));
      continue;
    }
    // 4. A lone first name: context decides between person, place and sentence start.
    if (isFirst) {
      let confidence: number;
      if (STRONG_BEFORE.has(before)) confidence = 0.9;
      else if (PLACE_BEFORE.has(before) && !PERSON_AFTER.has(after)) confidence = 0.35;
      else if (!w.sentenceStart) confidence = 0.75;
      else
        confidence =
          punctAfter || PERSON_AFTER.has(after) || /^\s*[!?.]?\s*$/.test(scan.value.slice(w.end, w.end + 2))
            ? 0.72
            : 0.35;
      out.push(span(words, i, i + 1, confidence, 'name.first'));
      continue;
    }
    // 5. A lone known surname mid-sentence ("Morrison, Rogers and Torres"), weaker.
    if (last.has(w.text) && !w.sentenceStart && !PLACE_BEFORE.has(before)) {
      const confidence = PERSON_BEFORE.has(before) || PERSON_AFTER.has(after) || punctAfter ? 0.6 : 0.45;
      out.push(span(words, i, i + 1, confidence, 'name.surname'));
    }
  }
  return propagate(words, out);
}

/** A word that was part of a confident name elsewhere in the message is that name again ("… starring Adamska"). */
function propagate(words: Word[], found: Candidate[]): Candidate[] {
  // cover[k]: the candidate covering word k (candidates never overlap each other here), found in one sweep.
  const cover: (Candidate | undefined)[] = new Array(words.length);
  const sorted = [...found].sort((a, b) => a.start - b.start);
  let ci = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    while (ci < sorted.length && sorted[ci]!.end <= w.start) ci++;
    const c = sorted[ci];
    if (c && c.start < w.end) cover[k] = c;
  }
  const known = new Set<string>();
  for (let k = 0; k < words.length; k++)
    if (cover[k] && cover[k]!.confidence >= 0.7 && words[k]!.cap) known.add(words[k]!.text);
  const out = [...found];
  const { first, last } = nameLexicon();
  // Lists: "Morrison, Rogers and Torres" — a capitalised word joined to a name by a comma or "and" is a name too.
  for (const order of [1, -1]) {
    for (let k = order > 0 ? 1 : words.length - 2; k >= 0 && k < words.length; k += order) {
      const w = words[k]!;
      const other = words[k - order];
      const joiner = order > 0 ? w.gap : other?.gap;
      if (!other || cover[k] || !nameish(w) || !/^(?:, | and | en | & )$/.test(joiner ?? '')) continue;
      const opensMessage = w.sentenceStart && !w.gap.includes(':');
      if (opensMessage && !first.has(w.text) && !last.has(w.text)) continue;
      const next = cover[k - order];
      if (!next || next.confidence < 0.6) continue;
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
    const w = words[k]!;
    if (!known.has(w.text) || BLOCKED_NAME_WORDS.has(w.text)) continue;
    if (cover[k] && cover[k]!.confidence >= 0.7) continue;
    out.push({ type: 'NAME', start: w.start, end: w.end, confidence: 0.8, detector: 'name.repeat' });
  }
  return out;
}
