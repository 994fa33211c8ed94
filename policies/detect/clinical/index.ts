import type { PolicyContext } from '../../core/define-policy.ts';
import type { ConceptMention } from '../../core/types.ts';
import type { NormalizedText } from '../normalize.ts';
import { assertionFor } from './assertion.ts';
import { guessLanguage, languageOfLocale } from './language.ts';
import { conceptTable, formsFor, kindOf } from './load-lexicon.ts';
import { findForms } from './match.ts';

export { assertionFor } from './assertion.ts';
export { guessLanguage, languageOfLocale } from './language.ts';
export { lexiconStats } from './load-lexicon.ts';
export { specialtyOfConcept, suggestSpecialty } from './specialty.ts';

/** Clinical concepts in a normalized text, each with its ConText assertion; spans index the original text. */
export function detectConcepts(text: NormalizedText, lang: 'en' | 'nl'): ConceptMention[] {
  const table = conceptTable;
  const out: ConceptMention[] = [];
  for (const m of findForms(text.value, formsFor(lang), lang === 'nl' ? table.curated : 0)) {
    const mention: ConceptMention = {
      concept: table.names[m.concept]!,
      kind: kindOf(table, m.concept),
      assertion: assertionFor(text.value, [m.start, m.end], lang),
      span: text.toOriginal(m.start, m.end),
    };
    const code = table.codes[m.concept];
    if (code) mention.code = code;
    out.push(mention);
  }
  return out;
}

/** The message's language: its locale when that is English or Dutch, else a guess from the text. */
export function languageFor(ctx: PolicyContext): 'en' | 'nl' {
  return languageOfLocale(ctx.message.locale) ?? guessLanguage(ctx.text.value);
}

/** Concepts of the message in `ctx`, computed once per message and shared by every policy. */
export function conceptsFor(ctx: PolicyContext): ConceptMention[] {
  return ctx.memo('concepts', () => detectConcepts(ctx.text, languageFor(ctx)));
}
