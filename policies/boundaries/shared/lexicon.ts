import { type CueMatch, type CueSet, compileCues } from '../../detect/cues/cue-set.ts';

/** A boundary lexicon file: named pattern lists per language (`{ "en": { "ask": [...] }, "nl": { ... } }`). */
export type RawBoundaryLexicon = Record<string, Record<string, string[]>>;

/** Named pattern lists compiled across all languages (a message in any supported language matches). */
export type CompiledLexicon = Record<string, CueSet | null>;

/** Compiles every named list of a lexicon file into one alternation over all its languages. */
export function compileLexicon(raw: RawBoundaryLexicon): CompiledLexicon {
  const merged: Record<string, string[]> = {};
  for (const lists of Object.values(raw)) {
    for (const [name, patterns] of Object.entries(lists))
      merged[name] = [...(merged[name] ?? []), ...patterns];
  }
  return Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, compileCues(v)]));
}

export type { CueMatch };

/** All matches of a compiled list in folded text (none for a missing list). */
export function matchAll(set: CueSet | null | undefined, folded: string): CueMatch[] {
  return set ? set.matchAll(folded) : [];
}
