import type { Assertion } from '../../../core/types.ts';
import { type CueCategory, type CueLexicon, cuesFor } from './lexicon.ts';
import { type CueMatch, matchCues } from './match-cues.ts';
import { type Sentence, type SentenceSpan, splitSentences, tokenize } from './tokens.ts';

/** A text analysed once: its sentences, each tokenized and cue-matched on first use (most hold no mention). */
export class Analysis {
  readonly sentences: readonly SentenceSpan[];
  private readonly tokens: (Sentence | undefined)[] = [];
  private readonly cues: (CueMatch[] | undefined)[] = [];

  constructor(
    readonly text: string,
    readonly lex: CueLexicon,
  ) {
    this.sentences = splitSentences(text, lex.abbreviations);
  }

  /** Sentence `i` with its tokens. */
  sentence(i: number): Sentence {
    let s = this.tokens[i];
    if (!s) {
      const span = this.sentences[i]!;
      s = { ...span, tokens: tokenize(this.text, span.start, span.end) };
      this.tokens[i] = s;
    }
    return s;
  }

  /** The cue phrases of sentence `i`. */
  matches(i: number): CueMatch[] {
    let m = this.cues[i];
    if (!m) {
      m = matchCues(this.sentence(i).tokens, this.lex);
      this.cues[i] = m;
    }
    return m;
  }
}

/** Splits a text into sentences; reuse the result for every mention of the same text. */
export function analyse(text: string, lang: string): Analysis {
  return new Analysis(text, cuesFor(lang));
}

function terminates(m: CueMatch, category: CueCategory): boolean {
  return m.roles.some(
    (r) => r.kind === 'terminate' && (r.categories === 'all' || r.categories.includes(category)),
  );
}

/** Categories whose trigger reaches (soft question cues are skipped when `keepSoft`) the mention's tokens [from, to) without a terminator in between. */
export function triggered(
  matches: readonly CueMatch[],
  from: number,
  to: number,
  keepSoft = false,
): Set<CueCategory> {
  const found = new Set<CueCategory>();
  const live = matches.filter((m) => m.to <= from || m.from >= to);
  for (const m of live) {
    for (const r of m.roles) {
      if (r.kind !== 'trigger' || found.has(r.category) || (r.soft && keepSoft)) continue;
      const forward = r.direction === 'forward' && m.to <= from && from - m.to <= r.scope;
      const backward = r.direction === 'backward' && m.from >= to && m.from - to <= r.scope;
      if (!forward && !backward) continue;
      const [lo, hi] = forward ? [m.to, from] : [to, m.from];
      const blocked = live.some((t) => t.from >= lo && t.to <= hi && terminates(t, r.category));
      if (!blocked) found.add(r.category);
    }
  }
  return found;
}

/** True when a family trigger in this sentence stays in scope to its end (for "My mum … She has …"). */
export function familyCarries(matches: readonly CueMatch[], length: number): boolean {
  return triggered(matches, length, length + 1).has('family');
}

/** Index of the sentence that holds offset `at`, or -1. */
export function sentenceAt(a: Analysis, at: number): number {
  return a.sentences.findIndex((s) => at >= s.start && at < s.end);
}

/** The assertion implied by a set of categories, by the guide's precedence. */
export function byPrecedence(found: ReadonlySet<CueCategory>): Assertion {
  for (const c of ['negated', 'hypothetical', 'family', 'historical'] as const) if (found.has(c)) return c;
  return 'present';
}
