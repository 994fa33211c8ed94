import en from './cues.en.json' with { type: 'json' };
import nl from './cues.nl.json' with { type: 'json' };
import { tokenize } from './tokens.ts';

/** Assertion categories a cue can signal. */
export type CueCategory = 'negated' | 'hypothetical' | 'family' | 'historical';

/** What a matched phrase does: signal a category in a direction, or end a scope, or only consume words. */
export type CueRole =
  | {
      kind: 'trigger';
      category: CueCategory;
      direction: 'forward' | 'backward';
      scope: number;
      soft?: boolean;
    }
  | { kind: 'terminate'; categories: readonly CueCategory[] | 'all' }
  | { kind: 'relative'; forward: number; backward: number }
  | { kind: 'pseudo' };

/** A token trie node; `#year` children match four-digit years. */
export interface CueNode {
  next: Map<string, CueNode>;
  roles: CueRole[];
}

/** A compiled cue lexicon for one language. */
export interface CueLexicon {
  root: CueNode;
  /** Words that make a following relative the author's own ("my", "mijn"), and how many words may sit between. */
  possessives: ReadonlySet<string>;
  possessiveWindow: number;
  /** Words that tie a mention to a following relative ("the reflux of my son", "de reflux van mijn zoon"). */
  backwardLinks: ReadonlySet<string>;
  anchors: ReadonlySet<string>;
  anchorPatterns: readonly RegExp[];
  questionKeep: ReadonlySet<string>;
  thirdPerson: ReadonlySet<string>;
  abbreviations: ReadonlySet<string>;
}

type Directional = { forward: string[]; backward: string[]; both: string[] };

/** The JSON shape of a cue file (cues.<lang>.json); adding a language is adding such a file. */
export interface CueFile {
  negated: Directional;
  hypothetical: Directional;
  question: string[];
  family: {
    possessives: string[];
    relatives: string[];
    forwardScope: number;
    backwardScope: number;
    between: number;
    backwardLinks: string[];
    other: string[];
  };
  historical: Directional;
  present: string[];
  pseudo: string[];
  terminators: Record<'all' | CueCategory, string[]>;
  anchors: { tokens: string[]; patterns: string[] };
  questionKeep: string[];
  thirdPerson: string[];
  abbreviations: string[];
}

const FILES: Record<string, CueFile> = { en, nl };

// Cue phrases are tokenized exactly like messages, so "mother-in-law" and "r/o" match.
function parse(entry: string): { phrase: string[]; scope: number } {
  const at = entry.lastIndexOf('@');
  const text = at > 0 ? entry.slice(0, at) : entry;
  const scope = at > 0 ? Number(entry.slice(at + 1)) : 0;
  const phrase = text.split(/\s+/).flatMap((w) => (w === '#year' ? [w] : tokenize(w).map((t) => t.norm)));
  return { phrase, scope };
}

function add(root: CueNode, phrase: string[], role: CueRole): void {
  let node = root;
  for (const t of phrase) {
    let child = node.next.get(t);
    if (!child) {
      child = { next: new Map(), roles: [] };
      node.next.set(t, child);
    }
    node = child;
  }
  node.roles.push(role);
}

function addDirectional(root: CueNode, category: CueCategory, d: Directional, soft = false): void {
  for (const dir of ['forward', 'backward'] as const) {
    for (const e of [...d[dir], ...d.both]) {
      const { phrase, scope } = parse(e);
      add(root, phrase, {
        kind: 'trigger',
        category,
        direction: dir,
        scope: scope || 6,
        ...(soft ? { soft } : {}),
      });
    }
  }
}

/** Compiles a cue file into a token trie plus anchor sets. */
export function compileCues(file: CueFile): CueLexicon {
  const root: CueNode = { next: new Map(), roles: [] };
  addDirectional(root, 'negated', file.negated);
  addDirectional(root, 'hypothetical', file.hypothetical);
  addDirectional(root, 'historical', file.historical);
  addDirectional(root, 'hypothetical', { forward: file.question, backward: [], both: [] }, true);
  const fam = file.family;
  for (const r of fam.relatives) {
    add(root, parse(r).phrase, { kind: 'relative', forward: fam.forwardScope, backward: fam.backwardScope });
  }
  addDirectional(root, 'family', { forward: fam.other, backward: fam.other, both: [] });
  for (const e of file.pseudo) add(root, parse(e).phrase, { kind: 'pseudo' });
  for (const e of file.present) add(root, parse(e).phrase, { kind: 'terminate', categories: ['historical'] });
  for (const [key, list] of Object.entries(file.terminators)) {
    const categories = key === 'all' ? 'all' : [key as CueCategory];
    for (const e of list) add(root, parse(e).phrase, { kind: 'terminate', categories });
  }
  return {
    root,
    possessives: new Set(fam.possessives),
    possessiveWindow: fam.between,
    backwardLinks: new Set(fam.backwardLinks),
    anchors: new Set(file.anchors.tokens),
    anchorPatterns: file.anchors.patterns.map((p) => new RegExp(p, 'u')),
    questionKeep: new Set(file.questionKeep),
    thirdPerson: new Set(file.thirdPerson),
    abbreviations: new Set(file.abbreviations),
  };
}

const compiled = new Map<string, CueLexicon>();

/** The compiled cue lexicon for a language (compiled once, then cached). */
export function cuesFor(lang: string): CueLexicon {
  let lex = compiled.get(lang);
  if (!lex) {
    const file = FILES[lang] ?? FILES['en']!;
    lex = compileCues(file);
    compiled.set(lang, lex);
  }
  return lex;
}
