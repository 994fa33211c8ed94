import type { NormalizedText } from '../../detect/normalize.ts';
import { compileAlternation, foldCase } from '../../safety/match-text.ts';

/** A boundary lexicon file: named pattern lists per language (`{ "en": { "ask": [...] }, "nl": { ... } }`). */
export type RawBoundaryLexicon = Record<string, Record<string, string[]>>;

/** Named pattern lists compiled across all languages (a message in any supported language matches). */
export type CompiledLexicon = Record<string, RegExp | null>;

/** Compiles every named list of a lexicon file into one alternation over all its languages. */
export function compileLexicon(raw: RawBoundaryLexicon): CompiledLexicon {
  const merged: Record<string, string[]> = {};
  for (const lists of Object.values(raw)) {
    for (const [name, patterns] of Object.entries(lists))
      merged[name] = [...(merged[name] ?? []), ...patterns];
  }
  return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, compileAlternation(v)]));
}

/** A cue match in folded text. */
export interface CueMatch {
  start: number;
  end: number;
}

/** All matches of a compiled list in folded text. */
export function matchAll(re: RegExp | null | undefined, folded: string): CueMatch[] {
  if (!re) return [];
  re.lastIndex = 0;
  return [...folded.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The folded (lower-cased, apostrophe-unified) normalized text, memoized per message. */
export function foldedText(memo: <T>(key: string, f: () => T) => T, text: NormalizedText): string {
  return memo('boundaries.folded', () => foldCase(text.value));
}
