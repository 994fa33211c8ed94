import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element, Node } from '@eslint-community/regexpp/ast';

// Larger exact sets stop being tracked (the product of alternatives grows fast) and fall back to requirements.
const EXACT_LIMIT = 32;
// Literals shorter than this filter too little to be worth a candidate check.
const MIN_USEFUL = 2;
// More clauses than this add little selectivity and cost a check each.
const MAX_CLAUSES = 4;

/** Literals of which at least one occurs in every match. */
type Clause = string[];

/** What a regex node can match, as far as literals tell: its exact strings (when few) and required clauses. */
interface LiteralInfo {
  /** Every string the node can match, when that set is small and fully literal; otherwise null. */
  exact: string[] | null;
  /** Clauses that all hold for every match (empty when nothing is required). */
  required: Clause[];
}

const NOTHING: LiteralInfo = { exact: null, required: [] };
const EMPTY: LiteralInfo = { exact: [''], required: [] };

const minLength = (set: readonly string[]) => Math.min(...set.map((s) => s.length));

/** Orders clauses best filter first: longer shortest literal, then fewer literals. */
const byStrength = (a: Clause, b: Clause) => minLength(b) - minLength(a) || a.length - b.length;

/** An exact set used as a clause, when every string in it is long enough to filter. */
const asClause = (exact: string[] | null): Clause[] =>
  exact && exact.length > 0 && minLength(exact) >= MIN_USEFUL ? [exact] : [];

/** The strongest few distinct clauses. */
function strongest(clauses: readonly Clause[]): Clause[] {
  const seen = new Set<string>();
  const out: Clause[] = [];
  for (const c of [...clauses].sort(byStrength)) {
    const key = [...c].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length === MAX_CLAUSES) break;
  }
  return out;
}

function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > EXACT_LIMIT) return null;
  return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

function sequence(elements: readonly Element[]): LiteralInfo {
  let run: string[] | null = [''];
  let whole = true;
  const clauses: Clause[] = [];
  for (const element of elements) {
    const info = infoOf(element);
    const joined: string[] | null = run && info.exact ? product(run, info.exact) : null;
    if (joined) {
      run = joined;
      continue;
    }
    whole = false;
    clauses.push(...asClause(run), ...info.required);
    run = info.exact;
  }
  clauses.push(...asClause(run));
  return { exact: whole ? run : null, required: strongest(clauses) };
}

function alternation(alternatives: readonly Alternative[]): LiteralInfo {
  const infos = alternatives.map((a) => sequence(a.elements));
  if (infos.length === 1) return infos[0]!;
  let exact: string[] | null = [];
  for (const info of infos) exact = exact && info.exact ? [...new Set([...exact, ...info.exact])] : null;
  if (exact && exact.length > EXACT_LIMIT) exact = null;
  // Any alternative may match, so only a union of one clause per alternative is required.
  const union = new Set<string>();
  for (const info of infos) {
    const best = strongest([...info.required, ...asClause(info.exact)])[0];
    if (!best) return { exact, required: [] };
    for (const literal of best) union.add(literal);
  }
  return { exact, required: [[...union]] };
}

function classChars(node: Extract<Node, { type: 'CharacterClass' }>): string[] | null {
  if (node.negate) return null;
  const chars: string[] = [];
  for (const e of node.elements) {
    if (e.type === 'Character') chars.push(String.fromCodePoint(e.value));
    else if (e.type === 'CharacterClassRange' && e.max.value - e.min.value < 8)
      for (let c = e.min.value; c <= e.max.value; c++) chars.push(String.fromCodePoint(c));
    else return null;
  }
  return chars.length <= 8 ? chars : null;
}

function infoOf(node: Node): LiteralInfo {
  switch (node.type) {
    case 'Character':
      return { exact: [String.fromCodePoint(node.value)], required: [] };
    case 'CharacterClass':
      return { exact: classChars(node), required: [] };
    case 'Assertion':
      return EMPTY;
    case 'Group':
    case 'CapturingGroup':
      return alternation(node.alternatives);
    case 'Quantifier': {
      const inner = infoOf(node.element);
      if (node.min === 0 && node.max === 1)
        return { exact: inner.exact && ['', ...inner.exact], required: [] };
      if (node.min === 0) return NOTHING;
      let exact: string[] | null = null;
      if (node.min === node.max && inner.exact) {
        exact = [''];
        for (let i = 0; i < node.min && exact; i++) exact = product(exact, inner.exact);
      }
      return { exact, required: strongest([...inner.required, ...asClause(inner.exact)]) };
    }
    default:
      return NOTHING;
  }
}

/**
 * Clauses of literals that every match of the regex `source` satisfies (each clause: at least one of its literals
 * occurs in the text), as in RE2's prefilter; empty when no useful literal is required and the regex must always run.
 */
export function requiredLiterals(source: string, unicode: boolean): string[][] {
  const pattern = new RegExpParser().parsePattern(source, 0, source.length, { unicode });
  const info = alternation(pattern.alternatives);
  return strongest([...info.required, ...asClause(info.exact)]).filter((c) => minLength(c) >= MIN_USEFUL);
}
