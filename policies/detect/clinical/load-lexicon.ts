import concepts from './lexicon/concepts.json' with { type: 'json' };
import formsEn from './lexicon/forms.en.json' with { type: 'json' };
import formsNl from './lexicon/forms.nl.json' with { type: 'json' };
import type { ConceptMention } from '../../core/types.ts';

/** What a lexicon form resolves to. */
export interface FormEntry {
  concept: number;
  /** Only matches when the text has exactly this case (acronyms such as "MS", "AF"). */
  cased?: string;
  /** Leading words that only give context ("have" in "have sugar") and stay out of the span. */
  skip: number;
}

/** The forms of one language, indexed for multi-word lookup. */
export interface FormIndex {
  byKey: Map<string, FormEntry>;
  /** For each first word, a bit mask of the word counts of forms starting with it. */
  lengths: Map<string, number>;
  size: number;
}

/** The concept table shared by all languages. */
export interface ConceptTable {
  /** Concepts [0, curated) are hand-curated; the rest come from imported vocabularies. */
  curated: number;
  names: readonly string[];
  kinds: string;
  codes: readonly string[];
}

const KINDS: Record<string, ConceptMention['kind']> = {
  c: 'condition',
  m: 'medication',
  p: 'procedure',
  s: 'symptom',
};

/** The kind of concept `i`. */
export function kindOf(table: ConceptTable, i: number): ConceptMention['kind'] {
  return KINDS[table.kinds[i] ?? 'c'] ?? 'condition';
}

// Lines are "key<TAB>concept[<TAB>skip-or-cased-form]"; parsed with indexOf because this runs over ~100k lines.
function index(lines: string): FormIndex {
  const byKey = new Map<string, FormEntry>();
  const lengths = new Map<string, number>();
  let at = 0;
  while (at < lines.length) {
    let nl = lines.indexOf('\n', at);
    if (nl < 0) nl = lines.length;
    const tab = lines.indexOf('\t', at);
    if (tab > at && tab < nl) {
      const key = lines.slice(at, tab);
      const tab2 = lines.indexOf('\t', tab + 1);
      const hasExtra = tab2 > 0 && tab2 < nl;
      const entry: FormEntry = { concept: Number(lines.slice(tab + 1, hasExtra ? tab2 : nl)), skip: 0 };
      if (hasExtra) {
        const extra = lines.slice(tab2 + 1, nl);
        if (/^\d+$/.test(extra)) entry.skip = Number(extra);
        else entry.cased = extra;
      }
      byKey.set(key, entry);
      let words = 1;
      let first = key.length;
      for (let k = key.indexOf(' '); k >= 0; k = key.indexOf(' ', k + 1)) {
        if (words === 1) first = k;
        words++;
      }
      const head = key.slice(0, first);
      lengths.set(head, (lengths.get(head) ?? 0) | (1 << Math.min(words, 30)));
    }
    at = nl + 1;
  }
  return { byKey, lengths, size: byKey.size };
}

const SOURCES: Record<'en' | 'nl', { forms: string }> = { en: formsEn, nl: formsNl };
const built: Partial<Record<'en' | 'nl', { index: FormIndex; buildMs: number; heapBytes: number }>> = {};

/** The concept table. */
export const conceptTable: ConceptTable = concepts;

/** The form index of one language, built on first use (a process that only sees English never indexes Dutch). */
export function formsFor(lang: 'en' | 'nl'): FormIndex {
  let b = built[lang];
  if (!b) {
    // Build cost is reported by lexiconStats() for the bench; it never feeds a decision.
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const idx = index(SOURCES[lang].forms);
    const buildMs = performance.now() - t0;
    b = { index: idx, buildMs, heapBytes: Math.max(0, process.memoryUsage().heapUsed - heap0) };
    built[lang] = b;
  }
  return b.index;
}

/** Lexicon size, index build time (ms) and approximate heap growth (bytes) per language, for the bench. */
export function lexiconStats(): {
  concepts: number;
  forms: Record<'en' | 'nl', number>;
  buildMs: Record<'en' | 'nl', number>;
  heapBytes: Record<'en' | 'nl', number>;
} {
  const en = formsFor('en');
  const nl = formsFor('nl');
  return {
    concepts: conceptTable.names.length,
    forms: { en: en.size, nl: nl.size },
    buildMs: { en: Math.round(built.en!.buildMs), nl: Math.round(built.nl!.buildMs) },
    heapBytes: { en: built.en!.heapBytes, nl: built.nl!.heapBytes },
  };
}
