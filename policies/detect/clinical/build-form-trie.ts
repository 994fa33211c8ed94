import { ChildTable } from './child-table.ts';
import { type FormTrie, formTrie, ROOT } from './form-trie.ts';
import { hashExact } from './word-hash.ts';

/**
 * Builds the trie from lexicon lines "key<TAB>concept[<TAB>skip-or-cased-form]", keys being lower-case words
 * joined by one space; a key given twice keeps its last line. The generated lexicon lists keys in order, so each
 * key only adds the words it does not share with the one before; lines out of order are sorted first.
 */
export function buildFormTrie(lines: string): FormTrie {
  const trie = readSorted(lines) ?? readSorted(sortedByKey(lines));
  if (!trie) throw new Error('lexicon lines are out of order after sorting');
  return trie;
}

// Null when a key sorts before the one above it.
function readSorted(lines: string): FormTrie | null {
  const builder = new TrieBuilder(lines);
  for (let at = 0; at < lines.length; ) {
    let nl = lines.indexOf('\n', at);
    if (nl < 0) nl = lines.length;
    if (!builder.line(at, nl)) return null;
    at = nl + 1;
  }
  return builder.finish();
}

function sortedByKey(lines: string): string {
  const rows = lines.split('\n').filter((row) => row.length > 0);
  const key = (row: string) => (row.includes('\t') ? row.slice(0, row.indexOf('\t')) : row);
  // Stable, so the last of two lines with one key stays last.
  return rows.sort((a, b) => compareKeys(key(a), key(b))).join('\n');
}

// Word by word, a word before any longer word it starts: a space sorts before every other code unit.
function compareKeys(a: string, b: string): number {
  for (let k = 0; k < a.length && k < b.length; k++) {
    const x = a.charCodeAt(k) === 32 ? -1 : a.charCodeAt(k);
    const y = b.charCodeAt(k) === 32 ? -1 : b.charCodeAt(k);
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

// `text[from, to)` against `text[otherFrom, otherTo)`, code unit by code unit, a prefix first.
function compareRanges(text: string, from: number, to: number, otherFrom: number, otherTo: number): number {
  const len = Math.min(to - from, otherTo - otherFrom);
  for (let k = 0; k < len; k++) {
    const d = text.charCodeAt(from + k) - text.charCodeAt(otherFrom + k);
    if (d !== 0) return d;
  }
  return to - from - (otherTo - otherFrom);
}

class TrieBuilder {
  private start: Int32Array;
  private end: Int32Array;
  private parent: Int32Array;
  private concept: Int32Array;
  private skip: Uint8Array;
  private readonly cased = new Map<number, string>();
  private readonly singles: number[] = [];
  // The previous key's nodes by word position.
  private readonly path: number[] = [];
  private nodes = 1;
  private size = 0;
  // The next space in the lines, which may lie many single-word lines ahead: searched again only once passed.
  private space: number;

  constructor(private readonly lines: string) {
    // Lexicon words average about ten characters with their separator; the arrays grow if that is too few.
    const capacity = (lines.length >> 3) + 16;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.concept = new Int32Array(capacity).fill(-1);
    this.skip = new Uint8Array(capacity);
    this.space = lines.indexOf(' ');
  }

  /** Adds the line `lines[at, nl)`; false when its key sorts before the previous line's. */
  line(at: number, nl: number): boolean {
    const tab = this.lines.indexOf('\t', at);
    if (tab <= at || tab >= nl) return true;
    const node = this.keyNode(at, tab);
    if (node < 0) return false;
    if (this.concept[node]! < 0) {
      this.size++;
      if (this.path.length === 1) this.singles.push(node);
    } else this.forget(node);
    const tab2 = this.lines.indexOf('\t', tab + 1);
    const hasExtra = tab2 > 0 && tab2 < nl;
    this.concept[node] = Number(this.lines.slice(tab + 1, hasExtra ? tab2 : nl));
    if (hasExtra) this.extra(node, this.lines.slice(tab2 + 1, nl));
    return true;
  }

  // A key given again replaces what its earlier line said.
  private forget(node: number): void {
    this.skip[node] = 0;
    this.cased.delete(node);
  }

  private extra(node: number, extra: string): void {
    if (/^\d+$/.test(extra)) this.skip[node] = Number(extra);
    else this.cased.set(node, extra);
  }

  // The node of the key `lines[at, tab)`, adding the words it does not share with the previous key;
  // -1 when it sorts before that key. `path` ends up as its nodes.
  private keyNode(at: number, tab: number): number {
    const { lines, path } = this;
    let node = ROOT;
    let depth = 0;
    let shared = true;
    for (let ws = at; ws <= tab; depth++) {
      if (this.space >= 0 && this.space < ws) this.space = lines.indexOf(' ', ws);
      const we = this.space >= 0 && this.space < tab ? this.space : tab;
      const prev = shared ? path[depth] : undefined;
      const order = prev === undefined ? 1 : compareRanges(lines, ws, we, this.start[prev]!, this.end[prev]!);
      if (order < 0) return -1;
      if (order === 0) node = prev!;
      else {
        shared = false;
        node = this.newNode(node, ws, we);
        path[depth] = node;
      }
      ws = we + 1;
    }
    // A key that the previous one starts with sorts before it.
    if (shared && depth < path.length) return -1;
    path.length = depth;
    return node;
  }

  private newNode(parent: number, start: number, end: number): number {
    if (this.nodes === this.concept.length) this.grow();
    const node = this.nodes++;
    this.start[node] = start;
    this.end[node] = end;
    this.parent[node] = parent;
    return node;
  }

  private grow(): void {
    const size = this.nodes * 2;
    this.start = grown(this.start, new Int32Array(size));
    this.end = grown(this.end, new Int32Array(size));
    this.parent = grown(this.parent, new Int32Array(size));
    this.concept = grown(this.concept, new Int32Array(size).fill(-1));
    this.skip = grown(this.skip, new Uint8Array(size));
  }

  /** The trie, its child table filled in one pass now that the number of nodes is known. */
  finish(): FormTrie {
    const n = this.nodes;
    const words = { text: this.lines, start: this.start.slice(0, n), end: this.end.slice(0, n) };
    const children = new ChildTable(n);
    for (let node = 1; node < n; node++)
      children.add(this.parent[node]!, hashExact(this.lines, words.start[node]!, words.end[node]!), node);
    const parts = {
      words,
      children,
      concept: this.concept.slice(0, n),
      skip: this.skip.slice(0, n),
      cased: this.cased,
      size: this.size,
    };
    return formTrie(parts, this.singles);
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
