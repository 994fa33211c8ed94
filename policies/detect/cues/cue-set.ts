import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { LiteralScanner } from './literal-scanner.ts';
import { requiredLiterals } from './required-literals.ts';

/** A cue match: [start, end) in the text it was found in. */
export interface CueMatch {
  start: number;
  end: number;
}

interface CompiledCue {
  regex: RegExp;
  /** Whether a required literal gates this cue (otherwise it runs on every text). */
  filtered: boolean;
  /** Index in its set: earlier cues win ties at the same position, as in a regex alternation. */
  order: number;
  /** The set it belongs to. */
  owner: CueSet;
}

// Every cue of every set shares one literal scanner, so a message is scanned once whatever the number of sets.
const allCues: CompiledCue[] = [];
const literalIds = new Map<string, number>();
/** Per literal: the cues whose first (most selective) clause it satisfies. */
const triggersByLiteral: number[][] = [];
/** Per cue: its other clauses as literal ids, checked only once the first clause holds. */
const otherClauses: number[][][] = [];
/** Per literal: the scan generation in which it was last seen. */
let seenIn = new Uint32Array(0);
let generation = 0;

function literalId(literal: string): number {
  let id = literalIds.get(literal);
  if (id === undefined) {
    id = triggersByLiteral.length;
    literalIds.set(literal, id);
    triggersByLiteral.push([]);
  }
  return id;
}
let scanner: LiteralScanner | null = null;

// The last few texts' candidate cues: policies ask several sets about the same message (and a few of its parts).
const RECENT = 8;
const recent = new Map<string, ReadonlySet<number>>();

function register(clauses: readonly string[][], cue: number): void {
  const [first, ...rest] = clauses;
  for (const literal of first!) triggersByLiteral[literalId(literal)]!.push(cue);
  otherClauses[cue] = rest.map((clause) => clause.map(literalId));
  scanner = null;
  recent.clear();
  lastText = '';
  lastFound = NONE;
}

/** Ids of the cues whose required literals occur in `text`. */
const everySet: CueSet[] = [];

/** Every cue set compiled so far (for tests that check the prefilter against plain regex matching). */
export function compiledCueSets(): readonly CueSet[] {
  return everySet;
}

const NONE: ReadonlySet<number> = new Set();

let lastText = '';
let lastFound: ReadonlySet<number> = NONE;

function candidates(text: string): ReadonlySet<number> {
  if (text === lastText) return lastFound;
  const cached = recent.get(text);
  if (cached) {
    lastText = text;
    lastFound = cached;
    return cached;
  }
  if (!scanner) {
    scanner = new LiteralScanner([...literalIds.keys()]);
    seenIn = new Uint32Array(literalIds.size);
    generation = 0;
  }
  const gen = ++generation;
  const triggered: number[] = [];
  scanner.scan(text, (id) => {
    seenIn[id] = gen;
    const cues = triggersByLiteral[id]!;
    for (let k = 0; k < cues.length; k++) triggered.push(cues[k]!);
  });
  let found: Set<number> | null = null;
  for (const cue of triggered) {
    if (found?.has(cue) || !otherClauses[cue]!.every((clause) => clause.some((id) => seenIn[id] === gen)))
      continue;
    found ??= new Set();
    found.add(cue);
  }
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  lastText = text;
  lastFound = found ?? NONE;
  recent.set(text, lastFound);
  return lastFound;
}

/** Refuses upper-case letters: cues are matched against lower-cased text without the slow `i` flag. */
function assertLowerCase(source: string, unicode: boolean): void {
  const ast = new RegExpParser().parsePattern(source, 0, source.length, { unicode });
  visitRegExpAST(ast, {
    onCharacterEnter(node) {
      const ch = String.fromCodePoint(node.value);
      if (ch !== ch.toLowerCase() && node.parent.type !== 'CharacterClassRange')
        throw new Error(`cue pattern /${source}/ has upper-case '${ch}'; cues match lower-cased text`);
    },
  });
}

/**
 * A set of regex cues matched against folded (lower-cased) text. Each cue runs only when a literal it requires
 * occurs in the text, which a single shared Aho–Corasick pass decides; cues without such a literal always run.
 */
export class CueSet {
  private readonly ids: number[] = [];
  private readonly always: number[] = [];

  /** Compiles `sources` (regex sources written in lower case); throws on an invalid or upper-case pattern. */
  constructor(readonly sources: readonly string[]) {
    everySet.push(this);
    sources.forEach((source, order) => {
      // Without `u` a regex is much faster; only patterns that need Unicode semantics keep it.
      const unicode = /\\[pPu]\{|[\u{10000}-\u{10FFFF}]/u.test(source);
      assertLowerCase(source, unicode);
      const id = allCues.length;
      const clauses = requiredLiterals(source, unicode);
      allCues.push({
        regex: new RegExp(source, unicode ? 'gu' : 'g'),
        order,
        owner: this,
        filtered: clauses.length > 0,
      });
      this.ids.push(id);
      if (clauses.length) register(clauses, id);
      else this.always.push(id);
    });
  }

  /** The cues of this set that can match `text`, in set order. */
  private candidatesIn(text: string): number[] {
    const found = candidates(text);
    if (found.size === 0) return this.always;
    const mine: number[] = [...this.always];
    for (const id of found) if (allCues[id]!.owner === this) mine.push(id);
    return mine.length > 1 ? mine.sort((a, b) => a - b) : mine;
  }

  /**
   * Whether any cue matches `text`, or only its part [start, end) read as a text of its own: candidates come from
   * the whole text (its literals include the part's), so checking several parts of a message costs one scan.
   */
  test(text: string, start = 0, end = text.length): boolean {
    const ids = this.candidatesIn(text);
    if (ids.length === 0) return false;
    const part = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const id of ids) {
      const regex = allCues[id]!.regex;
      regex.lastIndex = 0;
      if (regex.test(part)) return true;
    }
    return false;
  }

  /** Non-overlapping matches, leftmost first; at the same start the earlier cue wins (as a regex alternation would). */
  matchAll(text: string): CueMatch[] {
    const ids = this.candidatesIn(text);
    if (ids.length === 0) return [];
    const raw: (CueMatch & { order: number })[] = [];
    for (const id of ids) {
      const { regex, order } = allCues[id]!;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        raw.push({ start: m.index, end: m.index + m[0].length, order });
        if (m[0].length === 0) regex.lastIndex++;
      }
    }
    if (raw.length < 2) return raw.map(({ start, end }) => ({ start, end }));
    raw.sort((a, b) => a.start - b.start || a.order - b.order);
    const out: CueMatch[] = [];
    let end = -1;
    for (const m of raw) {
      if (m.start < end) continue;
      out.push({ start: m.start, end: m.end });
      end = m.end > m.start ? m.end : m.start + 1;
    }
    return out;
  }

  /** How many cues this set holds, and how many of them run on every text (no required literal). */
  stats(): { cues: number; unfiltered: number } {
    return { cues: this.ids.length, unfiltered: this.always.length };
  }
}

/** A cue set from `sources`, or null when there are none. */
export function compileCues(sources: readonly string[]): CueSet | null {
  return sources.length ? new CueSet(sources) : null;
}

/** The sources of every compiled cue that no required literal gates (each runs on every message). */
export function unfilteredCues(): string[] {
  return allCues.filter((c) => !c.filtered).map((c) => c.regex.source);
}
