/** A word token of a sentence: normalized form plus its [start, end) offsets in the analysed text. */
export interface Token {
  norm: string;
  /** The word carried a possessive 's ("neighbour's"). */
  owner: boolean;
  start: number;
  end: number;
}

/** A sentence of the analysed text with its tokens. */
export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  question: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[/+]/gu;

/** Lower-cases a word, unifies apostrophes and drops a possessive 's so "daughter's" matches "daughter". */
export function normToken(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  return w.length > 3 && w.endsWith("'s") ? w.slice(0, -2) : w;
}

/** Splits text into word tokens with offsets. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = offset + m.index;
    const norm = normToken(m[0]);
    out.push({ norm, owner: norm.length < m[0].length, start, end: start + m[0].length });
  }
  return out;
}

/**
 * Splits text into sentences at . ! ? ; and line breaks, keeping decimals ("1.8") and
 * known abbreviations ("Dr.", "mevr.") inside their sentence.
 */
export function splitSentences(text: string, abbreviations: ReadonlySet<string>): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?;]+(?=\s|$)|\n+/g;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(start, m.index))?.[1];
      // "Dr." and "mevr." keep the sentence going; an acronym such as "MS." ends it.
      const acronym = before !== undefined && before.length > 1 && before === before.toUpperCase();
      if (before && !acronym && abbreviations.has(before.toLowerCase())) continue;
    }
    push(out, text, start, end, m[0].includes('?'));
    start = end;
  }
  if (start < text.length) push(out, text, start, text.length, false);
  return out;
}

function push(out: Sentence[], text: string, start: number, end: number, question: boolean): void {
  const tokens = tokenize(text.slice(start, end), start);
  if (tokens.length > 0) out.push({ start, end, tokens, question });
}
