import { isSpaceCode } from './char-class.ts';
import { digitRunsOf } from './text-index.ts';
import { LiteralFilter } from './literal-filter.ts';
import { type WordList, wordsOf } from './name-tokens.ts';
import { matchesAt, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

const PROPER = String.raw`[\p{Lu}][\p{L}\p{M}'’&-]{1,30}`;
// "Pieter Hofman uit Deventer", "Gareth Llewellyn, Cardiff": a place right after a person's name.
const PLACE_AFTER_NAME = new RegExp(
  String.raw`^(?:\s(?:uit|from|in|of|van|near|bij)\s|,\s)(${PROPER}(?:\s${PROPER})?)(?=\s*(?:[.!?,;)]|$|\n)|\s(?:heeft|has|had|is|was|zit|werkt|works|who|die|en|and)\b)`,
  'u',
);
// Roles and verbs that tie a person to an organisation, then the role at an employer/school/clinic: "the
// receptionist at Oakfield Dental", "teamleider bij Transportbedrijf Hazelaar".
const ROLE_WORDS = [
  'receptionist',
  'teacher',
  'nurse',
  'doctor',
  'gp',
  'manager',
  'boss',
  'colleague',
  'curate',
  'vicar',
  'pastor',
  'priest',
  'coach',
  'cleaner',
  'carer',
  'caregiver',
  'headteacher',
  'principal',
  'pharmacist',
  'physio',
  'therapist',
  'dentist',
  'works?',
  'worked',
  'working',
  'employed',
  'studies',
  'studying',
  'student',
  'pupil',
  'admitted',
  'teamleider',
  'leraar',
  'lerares',
  'juf',
  'meester',
  'verpleegkundige',
  'collega',
  'baas',
  'directeur',
  'huisarts',
  'apotheker',
  'werkt',
  'werk',
  'werkte',
  'studeert',
  'leerling',
  'opgenomen',
  'trainer',
  'treated',
  'behandeld',
  'patient',
  'patiënt',
  'client',
  'cliënt',
  'goes',
  'gaat',
  'zit',
  'school',
  'klas',
  'class',
  'club',
  'member',
  'lid',
  'volunteers?',
  'vrijwilliger',
];
const ROLE_AT_ORG = new RegExp(
  String.raw`\b(?:${ROLE_WORDS.join('|')})\s(?:\w+\s){0,2}?(?:at|bij|for|voor|van|op|to|naar)\s(?:the\s|de\s|het\s)?((?:St\.?\s)?${PROPER}(?:\s(?:${PROPER}|&|van|de|der|den|on|of)){0,4}?)(?=\s*(?:[.!?,;)]|$|\n|\s(?:told|said|has|had|is|was|zit|heeft|zegt|who|die|en|and|on|op|in|at|for|since|sinds|with|met|because|omdat|but|maar|until|tot|last|vorige|every|elke)\b))`,
  'gu',
);
// Each role word is followed by white space, so one of these occurs wherever ROLE_AT_ORG can match.
const ROLE_FILTER = new LiteralFilter(ROLE_WORDS.map((w) => (w.endsWith('s?') ? w.slice(0, -2) : `${w} `)));
// A street (without a number) where a named person lives, works or shops: "the Tesco on Mill Road, Dave", "op de Kerkstraat".
const STREET_OF_PERSON = new RegExp(
  String.raw`\b(?:on|in|at|off|op|aan|in de|aan de|op de|bij de)\s((?:${PROPER}\s){0,2}(?:Road|Street|Lane|Avenue|Drive|Close|Way|Crescent|Terrace|Grove|Place|Square|Hill|Row)|[\p{Lu}][\p{L}\p{M}'’-]{1,30}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|markt))(?![\p{L}\p{N}]|\s\d)`,
  'gu',
);
// "lives in Zwolle", "woont in Deventer", "(Philips) in Eindhoven": the town of a named person's home, work or care.
const TOWN_AFTER = new RegExp(
  String.raw`^\s(?:in|at|op|aan|uit|near|bij)\s(${PROPER}(?:[\s-]${PROPER})?)(?![\p{L}\p{N}])`,
  'u',
);
const LIVES_IN = new RegExp(
  String.raw`\b(?:lives|lived|living|woont|woonde|wonen|works|worked|werkt|werkte|is treated|wordt behandeld|ligt|lies|moved|verhuisd|grew up|opgegroeid)\s(?:in|at|near|op|aan|bij|naar|to)\s(${PROPER}(?:[\s-]${PROPER})?)(?![\p{L}\p{N}])`,
  'gu',
);
const JOB_TITLE =
  /^(?:receptionist|teacher|nurse|doctor|gp|manager|boss|curate|vicar|pastor|priest|coach|headteacher|principal|pharmacist|physio|therapist|dentist|teamleider|leraar|lerares|juf|meester|verpleegkundige|directeur|huisarts|apotheker|trainer)\b/;
// Words that make a capitalised phrase an institution rather than a person ("Jeroen Bosch Ziekenhuis").
const INSTITUTION =
  /\b(?:Hospital|Ziekenhuis|Clinic|Kliniek|Practice|Praktijk|Surgery|Pharmacy|Apotheek|School|Primary|Academy|College|University|Universiteit|Hogeschool|Dental|Tandarts|Care|Zorg|Centre|Center|Centrum|Group|Groep|Ltd|Inc|BV|B\.V\.|NV|Bank|Church|Kerk|Club|Vereniging|Stichting|Foundation|Trust|Council|Gemeente)\b/u;
// Ward, bed and room numbers pin a patient down when a person is named in the same message.
// Sticky: tried only where a ward, bed or room word stands before a number (see wardStarts).
const WARD = /\b(?:ward|afdeling|bed|room|kamer|bay|zaal|unit)\s\d{1,3}[a-z]?\b/iuy;

// Parts of the patterns above that cheap tests find first: a message without them skips the long pattern.
const LIVES_VERB = new LiteralFilter([
  'liv',
  'woon',
  'wonen',
  'work',
  'werkt',
  'is treated',
  'wordt behandeld',
  'ligt',
  'lies',
  'moved',
  'verhuisd',
  'grew up',
  'opgegroeid',
]);
const STREET_WORD = new LiteralFilter([
  'road',
  'street',
  'lane',
  'avenue',
  'drive',
  'close',
  'way',
  'crescent',
  'terrace',
  'grove',
  'place',
  'square',
  'hill',
  'row',
  'straat',
  'laan',
  'weg',
  'plein',
  'gracht',
  'kade',
  'singel',
  'dijk',
  'steeg',
  'dreef',
  'markt',
]);
const WARD_WORD_END = /(?:ward|afdeling|bed|room|kamer|bay|zaal|unit)$/;

/**
 * Where WARD can match: at a ward, bed or room word that ends one space before a run of one to three digits (no
 * word of the list ends another, so each number has at most one such place). In text order.
 */
function wardStarts(scan: ScanText): number[] {
  const { starts, ends } = digitRunsOf(scan);
  const out: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    if (ends[k]! - s > 3 || !isSpaceCode(scan.value.charCodeAt(s - 1))) continue;
    // Every ward word ends in a letter.
    const last = scan.lower.charCodeAt(s - 2);
    if (last < 0x61 || last > 0x7a) continue;
    const word = WARD_WORD_END.exec(scan.lower.slice(Math.max(0, s - 9), s - 1));
    if (word) out.push(s - 1 - word[0].length);
  }
  return out;
}

const ROLE_PREPOSITIONS = ['at', 'bij', 'for', 'voor', 'van', 'op', 'to', 'naar'];
const ROLE_ARTICLES = ['the', 'de', 'het'];
const ROLE_GATE = /\s(?:at|bij|for|voor|van|op|to|naar)\s(?:the\s|de\s|het\s)?\p{Lu}/u;

/** Whether word `i` directly follows one white-space character (and nothing else) after the previous word. */
function oneSpaceBefore(words: WordList, v: string, i: number): boolean {
  return words.startAt(i) - words.gapStartAt(i) === 1 && isSpaceCode(v.charCodeAt(words.startAt(i) - 1));
}

/** Whether word `i` is one of `list` and follows white space. */
function isWordAfterSpace(words: WordList, v: string, i: number, list: readonly string[]): boolean {
  if (!isSpaceCode(v.charCodeAt(words.startAt(i) - 1))) return false;
  for (const w of list) if (words.textIs(i, w)) return true;
  return false;
}

/**
 * `ROLE_GATE.test(scan.value)` from the word list: a capital letter one space after a preposition (and optionally
 * an article) that itself follows white space, as the role pattern needs before an organisation.
 */
function prepositionBeforeCapital(scan: ScanText): boolean {
  const words = wordsOf(scan);
  if (words.capped) return ROLE_GATE.test(scan.value);
  const v = scan.value;
  for (let i = 1; i < words.length; i++) {
    if (!words.isUpperFirst(i) || !oneSpaceBefore(words, v, i)) continue;
    if (isWordAfterSpace(words, v, i - 1, ROLE_PREPOSITIONS)) return true;
    if (
      i >= 2 &&
      isWordAfterSpace(words, v, i - 1, ROLE_ARTICLES) &&
      oneSpaceBefore(words, v, i - 1) &&
      isWordAfterSpace(words, v, i - 2, ROLE_PREPOSITIONS)
    )
      return true;
  }
  return false;
}

/** Places and organisations that locate an identified person; only emitted when a person is in the message. */
export function detectPersonContext(scan: ScanText, names: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const people = names.filter((n) => n.confidence >= 0.5);
  for (const name of people) {
    scan.work.steps++;
    const m = PLACE_AFTER_NAME.exec(scan.value.slice(name.end, name.end + 80));
    if (!m) continue;
    const start = name.end + m[0].length - m[1]!.length;
    out.push({
      type: 'LOCATION',
      start,
      end: start + m[1]!.length,
      confidence: 0.7,
      detector: 'location.person',
    });
  }
  const roleGate = ROLE_FILTER.mayOccur(scan) && prepositionBeforeCapital(scan);
  for (const m of roleGate ? matchesOf(ROLE_AT_ORG, scan) : []) {
    const org = m[1]!;
    const start = m.index + m[0].length - org.length;
    // The role ("works at", "receptionist at") ties the organisation to someone; it outranks a name-like reading.
    const institution = INSTITUTION.test(org);
    const named = people.some((p) => p.end <= start || p.start >= start + org.length);
    // Without a named person, only a job title ("the curate at St Mary's") singles someone out.
    const titled = JOB_TITLE.test(m[0]);
    const confidence = institution ? 0.96 : named ? 0.88 : titled ? 0.6 : 0.45;
    const town = named
      ? TOWN_AFTER.exec(scan.value.slice(start + org.length, start + org.length + 60))
      : null;
    if (town) {
      const at = start + org.length + town[0].length - town[1]!.length;
      out.push({
        type: 'LOCATION',
        start: at,
        end: at + town[1]!.length,
        confidence: 0.7,
        detector: 'location.organization',
      });
    }
    out.push({
      type: 'ORGANIZATION',
      start,
      end: start + org.length,
      confidence,
      detector: 'organization.role',
    });
  }
  if (people.length > 0) {
    for (const m of LIVES_VERB.mayOccur(scan) ? matchesOf(LIVES_IN, scan) : []) {
      const town = m[1]!;
      const start = m.index + m[0].length - town.length;
      out.push({
        type: 'LOCATION',
        start,
        end: start + town.length,
        confidence: 0.7,
        detector: 'location.lives',
      });
    }
    for (const m of STREET_WORD.mayOccur(scan) ? matchesOf(STREET_OF_PERSON, scan) : []) {
      const street = m[1]!;
      const start = m.index + m[0].length - street.length;
      out.push({
        type: 'LOCATION',
        start,
        end: start + street.length,
        confidence: 0.7,
        detector: 'location.street',
      });
    }
  }
  for (const m of people.length > 0 ? matchesAt(WARD, scan, wardStarts(scan)) : []) {
    const confidence = people.length > 0 ? 0.75 : 0.4;
    out.push({
      type: 'LOCATION',
      start: m.index,
      end: m.index + m[0].length,
      confidence,
      detector: 'location.ward',
    });
  }
  return out;
}
