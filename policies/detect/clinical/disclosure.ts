import type { PiiType } from '../../core/finding-codes.ts';
import type { ConceptMention } from '../../core/types.ts';
import cues from './disclosure-cues.json' with { type: 'json' };
import { formKey, matchTokens } from './match-tokens.ts';

/** An identifying span as piiFor() reports it (original offsets). */
export interface IdentifierSpan {
  type: PiiType;
  start: number;
  end: number;
  confidence: number;
}

/** Whose identifiable health information a message carries. */
export interface DisclosureResult {
  kind: 'none' | 'self' | 'third_party';
  /** The identifying spans that make it identifiable. */
  spans: [number, number][];
}

type Lang = 'en' | 'nl';
type CueSet = Record<keyof (typeof cues)['en'], string[]>;
const CUES: Record<Lang, Record<string, string[]>> = {
  en: mapKeys(cues.en),
  nl: mapKeys(cues.nl),
};
function mapKeys(set: CueSet): Record<string, string[]> {
  return Object.fromEntries(Object.entries(set).map(([k, list]) => [k, list.map(formKey)]));
}

// Identifiers that point at one person on their own; a first name needs a pointer (workplace, ward, handle).
const STRONG: ReadonlySet<PiiType> = new Set(['PHONE', 'EMAIL', 'ADDRESS', 'DATE_OF_BIRTH', 'ID', 'URL']);
const POINTER_TYPES: ReadonlySet<PiiType> = new Set([
  'ORGANIZATION',
  'LOCATION',
  'HANDLE',
  'ID',
  'DATE_OF_BIRTH',
]);

function keys(text: string): string {
  return ` ${matchTokens(text)
    .map((t) => t.key)
    .join(' ')} `;
}
function endsWithCue(before: string, list: readonly string[]): boolean {
  const k = keys(before);
  return list.some((c) => k.endsWith(` ${c} `));
}
function startsWithCue(after: string, list: readonly string[]): boolean {
  const k = keys(after);
  return list.some((c) => k.startsWith(` ${c} `));
}
function hasCue(text: string, list: readonly string[]): boolean {
  const k = keys(text);
  return list.some((c) => k.includes(` ${c} `));
}

/** Who an identifying span belongs to: the author, someone else, or nobody in particular (a first name alone). */
function ownerOf(
  text: string,
  s: IdentifierSpan,
  all: readonly IdentifierSpan[],
  lang: Lang,
): 'self' | 'other' | null {
  const c = CUES[lang]!;
  const before = text.slice(Math.max(0, s.start - 24), s.start);
  const after = text.slice(s.end, s.end + 12);
  const firstPerson = hasCue(text, c['firstPerson']!);
  if (s.type === 'NAME') {
    if (endsWithCue(before, c['professionalTitles']!)) return null;
    const intro = endsWithCue(before, c['selfIntroBefore']!) || startsWithCue(after, c['selfIntroAfter']!);
    // Signed at the end ("…, Gareth Llewellyn, Cardiff") or followed by the author's own contact details.
    const signature =
      /^[\s,.(]*[\p{L} ]{0,30}[.!]?\s*$/u.test(text.slice(s.end)) || (firstPerson && s.start === 0);
    const ownContact =
      firstPerson && all.some((o) => STRONG.has(o.type) && o.start >= s.end && o.start - s.end <= 3);
    if (intro || signature || ownContact) return 'self';
    const words = text.slice(s.start, s.end).trim().split(/\s+/).length;
    const pointer =
      all.some((o) => o !== s && POINTER_TYPES.has(o.type) && Math.abs(o.start - s.start) < 80) ||
      hasCue(text.slice(Math.max(0, s.start - 40), s.end + 40), c['pointers']!);
    return words >= 2 || pointer ? 'other' : null;
  }
  // "@sam just halve your dose": a handle that opens the message addresses someone, it does not report on them.
  if (s.type === 'HANDLE') {
    if (text.slice(0, s.start).trim() === '') return null;
    // "Add me on telegram: @calm_river", "my handle is @…": the author's own.
    return hasCue(before, c['firstPerson']!) ? 'self' : 'other';
  }
  // A workplace or place the detector ties to a person ("the new curate at St Mary's … he is").
  if (s.type === 'ORGANIZATION' || s.type === 'LOCATION')
    return hasCue(text, c['thirdPerson']!) ? 'other' : null;
  if (!STRONG.has(s.type)) return null;
  // "Referral for Jacob Morris, MRN 0091…": an ID next to someone else's name is theirs.
  const nearName = all.find((o) => o.type === 'NAME' && o.end <= s.start && s.start - o.end < 40);
  if (nearName && ownerOf(text, nearName, all, lang) === 'other') return 'other';
  return firstPerson ? 'self' : 'other';
}

/**
 * Classifies a message as the author's own identifiable health information (`self`), someone else's (`third_party`)
 * or neither, from its identifying spans and its clinical mentions with their experiencer (scenarios guide).
 */
export function classifyDisclosure(
  text: string,
  pii: readonly IdentifierSpan[],
  mentions: readonly ConceptMention[],
  lang: Lang,
): DisclosureResult {
  const suspicion = hasCue(text, CUES[lang]!['suspicion']!);
  const patientIds = pii.some((p) => p.type === 'ID' || p.type === 'DATE_OF_BIRTH');
  const self: [number, number][] = [];
  const other: [number, number][] = [];
  for (const s of pii) {
    const owner = ownerOf(text, s, pii, lang);
    if (owner === 'self') self.push([s.start, s.end]);
    else if (owner === 'other') other.push([s.start, s.end]);
  }
  // A suspected or asked-about condition of a named person counts; a topic in general ("menopause questions") does not.
  const near = (m: ConceptMention) =>
    other.some(([a, b]) => Math.abs(m.span[0] - a) < 80 || Math.abs(m.span[0] - b) < 80);
  const aboutOther = mentions.some(
    (m) =>
      m.assertion !== 'negated' && (m.assertion !== 'hypothetical' || suspicion || patientIds || near(m)),
  );
  if (other.length > 0 && aboutOther) return { kind: 'third_party', spans: other };
  const own = mentions.some((m) => m.assertion === 'present' || m.assertion === 'historical');
  if (self.length > 0 && own) return { kind: 'self', spans: self };
  return { kind: 'none', spans: [] };
}
