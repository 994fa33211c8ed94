import type { PolicyContext } from '../../core/define-policy.ts';
import type { NormalizedText } from '../normalize.ts';
import { detectAddresses } from './address.ts';
import { detectAges } from './age.ts';
import { detectBirthDates } from './birth-date.ts';
import { detectEmails } from './email.ts';
import { detectDisguisedEmails } from './email-disguised.ts';
import { detectSpacedEmails } from './email-spaced.ts';
import { detectHandles } from './handle.ts';
import { detectIdentifiers } from './identifiers.ts';
import { detectNames } from './names.ts';
import { detectPersonContext } from './person-context.ts';
import { detectPhones } from './phone.ts';
import { detectPhoneWords } from './phone-words.ts';
import { detectPostcodes } from './postcode.ts';
import { detectRecordNumbers } from './record-numbers.ts';
import { resolveOverlaps } from './resolve.ts';
import type { Candidate, Detector, PiiSpan, ScanText } from './types.ts';
import { PII_SCAN_LIMIT } from './types.ts';
import { detectUrls } from './url.ts';

export type { PiiSpan } from './types.ts';
export { PII_SCAN_LIMIT } from './types.ts';

/** ctx.memo key under which piiFor() stores the spans of a message. */
export const PII_MEMO_KEY = 'pii';

/** Confidence at or above which a span is treated as PII by default (policies may configure their own). */
export const DEFAULT_PII_THRESHOLD = 0.5;

/**
 * Types detected wherever they occur. LOCATION, ORGANIZATION and AGE are reported only when they single out a
 * person (a named person's town, employer or ward; ages of 90+), and a plain DATE never, so an evaluation that
 * scores "covered types" should use this list rather than the types that happen to appear in a run.
 */
export const PII_GENERAL_TYPES = [
  'NAME',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'ID',
  'URL',
  'HANDLE',
] as const;

/** Options for detectPii. */
export interface DetectPiiOptions {
  /** Locale hint such as `nl-NL` (used for national phone formats); both EN and NL rules always run. */
  locale?: string;
  /** Receives the work counter of this run (regex matches and scanner steps), for bounded-work tests. */
  stats?: { steps: number; scannedChars: number };
}

const DETECTORS: readonly Detector[] = [
  detectEmails,
  detectSpacedEmails,
  detectDisguisedEmails,
  detectPhones,
  detectPhoneWords,
  detectUrls,
  detectHandles,
  detectIdentifiers,
  detectRecordNumbers,
  detectAddresses,
  detectPostcodes,
  detectBirthDates,
  detectAges,
];

/** Lower-cases without changing length, so offsets stay valid (rare multi-unit mappings keep the original). */
function lowerSameLength(value: string): string {
  const lower = value.toLowerCase();
  if (lower.length === value.length) return lower;
  let out = '';
  for (const ch of value) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Appends `more` to `all` (most detectors find nothing, so this is usually a no-op). */
function append(all: Candidate[], more: readonly Candidate[]): void {
  for (const c of more) all.push(c);
}

/** Finds identifying details in a normalized message; spans index the ORIGINAL text, do not overlap, and are sorted. */
export function detectPii(text: NormalizedText, options: DetectPiiOptions = {}): PiiSpan[] {
  const value = text.value.length > PII_SCAN_LIMIT ? text.value.slice(0, PII_SCAN_LIMIT) : text.value;
  const scan: ScanText = {
    value,
    lower: lowerSameLength(value),
    locale: options.locale ?? 'en-GB',
    work: { steps: 0 },
    // Present from the start so that every scan object has the same shape.
    index: undefined,
  };
  const candidates: Candidate[] = [];
  for (const detector of DETECTORS) append(candidates, detector(scan));
  const names = detectNames(scan);
  append(candidates, names);
  append(candidates, detectPersonContext(scan, names));
  if (options.stats) {
    options.stats.steps = scan.work.steps;
    options.stats.scannedChars = value.length;
  }
  const mapped: PiiSpan[] = [];
  for (const c of candidates) {
    const [start, end] = text.toOriginal(c.start, c.end);
    mapped.push({ type: c.type, start, end, confidence: c.confidence, detector: c.detector });
  }
  return resolveOverlaps(mapped);
}

/** The message's PII spans, computed once per message and shared by every policy through ctx.memo. */
export function piiFor(ctx: PolicyContext): PiiSpan[] {
  return ctx.memo(PII_MEMO_KEY, () => detectPii(ctx.text, { locale: ctx.locale }));
}
