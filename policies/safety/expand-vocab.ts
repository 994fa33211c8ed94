/** Named regex fragments a lexicon's patterns refer to as `%name%` (word families: verbs and their forms, fillers). */
export type Vocabulary = Readonly<Record<string, string>>;

const REF = /%([a-z_]+)%/g;

/**
 * Replaces every `%name%` in `pattern` with the vocabulary entry as a non-capturing group; entries may refer to
 * entries defined before them. Throws on an unknown name, so a typo in a lexicon fails at load, not silently.
 */
export function expandVocab(pattern: string, vocab: Vocabulary | undefined): string {
  if (!pattern.includes('%')) return pattern;
  let out = pattern;
  for (let depth = 0; depth < 4 && out.includes('%'); depth++) {
    out = out.replace(REF, (_, name: string) => {
      const entry = vocab?.[name];
      if (entry === undefined)
        throw new Error(`lexicon pattern refers to unknown vocabulary entry %${name}%`);
      return `(?:${entry})`;
    });
  }
  return out;
}

/** Expands every pattern of a list (see `expandVocab`). */
export function expandAll(patterns: readonly string[] | undefined, vocab: Vocabulary | undefined): string[] {
  return (patterns ?? []).map((p) => expandVocab(p, vocab));
}
