import type { Assertion } from '../../core/types.ts';
import {
  type Analysis,
  analyse,
  byPrecedence,
  familyCarries,
  sentenceAt,
  triggered,
} from './context/engine.ts';
import type { CueLexicon } from './context/lexicon.ts';
import type { CueMatch } from './context/match-cues.ts';
import type { Sentence } from './context/tokens.ts';

let last: { text: string; lang: string; analysis: Analysis } | null = null;

// Several mentions of one message are asserted in a row; analyse the text once for all of them.
function analysisFor(text: string, lang: string): Analysis {
  if (last && last.text === text && last.lang === lang) return last.analysis;
  const analysis = analyse(text, lang);
  last = { text, lang, analysis };
  return analysis;
}

function mentionTokens(s: Sentence, span: [number, number]): [number, number] {
  let from = s.tokens.findIndex((t) => t.end > span[0]);
  if (from < 0) from = s.tokens.length;
  let to = from;
  while (to < s.tokens.length && s.tokens[to]!.start < span[1]) to++;
  return [from, Math.max(to, from + 1)];
}

// A sentence about nobody in particular (no I/you/he/she, no patient, no handle or name) is generic.
// The previous sentence counts too: "Can we discuss Mrs Ford? 84, admitted with a hip fracture."
// Sentences are tokenized on demand, so the previous one is only read when this one does not decide.
function anchored(a: Analysis, si: number): boolean {
  return (
    anchoredOne(a.text, a.sentence(si), a.lex) || (si > 0 && anchoredOne(a.text, a.sentence(si - 1), a.lex))
  );
}

function anchoredOne(text: string, s: Sentence, lex: CueLexicon): boolean {
  if (s.tokens.some((t) => lex.anchors.has(t.norm))) return true;
  const raw = text.slice(s.start, s.end);
  if (lex.anchorPatterns.some((p) => p.test(raw))) return true;
  // Two capitalised words inside the sentence (not at its start) look like a person's name.
  for (let i = 1; i + 1 < s.tokens.length; i++) {
    const a = text.slice(s.tokens[i]!.start, s.tokens[i]!.end);
    const b = text.slice(s.tokens[i + 1]!.start, s.tokens[i + 1]!.end);
    if (/^\p{Lu}\p{Ll}+$/u.test(a) && /^\p{Lu}\p{Ll}+$/u.test(b)) return true;
  }
  return false;
}

function presentBefore(matches: readonly CueMatch[], from: number): boolean {
  return matches.some(
    (m) =>
      m.to <= from &&
      from - m.to <= 3 &&
      m.roles.some(
        (r) => r.kind === 'terminate' && r.categories !== 'all' && r.categories.includes('historical'),
      ),
  );
}

/**
 * ConText-style assertion of the mention at `span` (offsets into `text`):
 * negated > hypothetical > family > historical > present, as in the scenarios labelling guide.
 */
export function assertionFor(text: string, span: [number, number], lang: 'en' | 'nl'): Assertion {
  const a = analysisFor(text, lang);
  const si = sentenceAt(a, span[0]);
  if (si < 0) return 'present';
  const s = a.sentence(si);
  const matches = a.matches(si);
  const [from, to] = mentionTokens(s, span);
  const lex = a.lex;
  // "Should I pause my methotrexate?": a possessive right before the mention makes it the asker's own, current one.
  const owned = s.tokens.slice(Math.max(0, from - 2), from).some((t) => lex.questionKeep.has(t.norm));
  const found = triggered(matches, from, to, owned);
  // "diagnosed with asthma last week": a present-tense cue right before the mention outweighs a later time cue.
  if (found.has('historical') && presentBefore(matches, from)) found.delete('historical');
  // "My mum … She has …": a family scope that runs to the end of the previous sentence carries over.
  const carried =
    si > 0 &&
    s.tokens.slice(0, from).some((t) => lex.thirdPerson.has(t.norm)) &&
    !s.tokens.slice(0, from).some((t) => t.norm === 'i' || t.norm === 'ik') &&
    familyCarries(a.matches(si - 1), a.sentence(si - 1).tokens.length);
  if (carried) found.add('family');
  if (s.question && !found.has('family') && !owned) found.add('hypothetical');
  if (found.size === 0 && !anchored(a, si)) return 'hypothetical';
  return byPrecedence(found);
}
