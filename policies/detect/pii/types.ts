import type { PiiType } from '../../core/finding-codes.ts';
import type { TextIndex } from './text-index.ts';

/** One identifying detail found in a message; offsets index the ORIGINAL text, end exclusive. */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
  /** 0..1; checksum failures and weak context lower it rather than dropping the span. */
  confidence: number;
  /** Which detector produced it, e.g. `phone.libphonenumber`. */
  detector: string;
}

/** A detector's raw hit; offsets index the normalized (and length-capped) scan text. */
export interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  confidence: number;
  detector: string;
}

/** What each detector receives: the normalized text cut to the scan cap, plus shared precomputations. */
export interface ScanText {
  /** Normalized text, at most PII_SCAN_LIMIT characters. */
  value: string;
  /** `value` lower-cased (same length: only single-unit case mappings are applied). */
  lower: string;
  /** Locale hint such as `nl-NL`; detectors accept both languages regardless. */
  locale: string;
  /** Work counter shared by the detectors of one run; tests assert it stays bounded. */
  work: { steps: number };
  /** Words, digit runs and trigrams of `lower`, filled in by textIndexOf on first use. */
  index?: TextIndex;
}

/** A pure detector over the scan text. */
export type Detector = (scan: ScanText) => Candidate[];

/** Characters of normalized text that detectors look at: the ingest limit for a message; anything longer is not scanned. */
export const PII_SCAN_LIMIT = 40_000;

/** Most candidates one detector may return, so pathological input cannot grow output without bound. */
export const MAX_CANDIDATES = 400;
