import { allLocales } from '@faker-js/faker';
import { COMMON_CAPITALISED, EXTRA_FIRST_NAMES, EXTRA_SURNAMES } from './name-words.ts';

/** Lexicons used by the name detector, built once from faker's per-locale person data (MIT) plus lexicon/names.json supplements. */
export interface NameLexicon {
  first: ReadonlySet<string>;
  last: ReadonlySet<string>;
  /** Every entry's first code unit changes when lower-cased, so a word whose first does not is in neither list. */
  allCased: boolean;
}

const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’-]+$/u;

function fromFaker(): NameLexicon {
  const first = new Set<string>(EXTRA_FIRST_NAMES);
  const last = new Set<string>(EXTRA_SURNAMES);
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: Record<string, unknown> }).person;
    if (!person) continue;
    for (const [key, target] of [
      ['first_name', first],
      ['last_name', last],
    ] as const) {
      const entry = person[key];
      if (!entry || typeof entry !== 'object') continue;
      for (const list of Object.values(entry as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        for (const name of list) if (typeof name === 'string' && LATIN.test(name)) target.add(name);
      }
    }
  }
  for (const word of COMMON_CAPITALISED) {
    first.delete(word);
    last.delete(word);
  }
  const cased = (w: string) => w[0] !== w[0]!.toLowerCase();
  return { first, last, allCased: [...first].every(cased) && [...last].every(cased) };
}

let lexicon: NameLexicon | undefined;

/** The shared name lexicon (built lazily on first use, then reused). */
export function nameLexicon(): NameLexicon {
  lexicon ??= fromFaker();
  return lexicon;
}
