import { ChildTable, type NodeWords } from './child-table.ts';
import { hashBackward } from './word-hash.ts';

/** The trie's root: the empty key. */
export const ROOT = 0;

/** Lexicon forms of one language as a trie over words, so multi-word look-ups build no key strings. */
export interface FormTrie {
  /** The word of each node. */
  words: NodeWords;
  /** Children by word: `children.find(words, node, hashRange(key), key, 0, key.length)`. */
  children: ChildTable;
  /** Concept of the form that ends at a node, or -1. */
  concept: Int32Array;
  /** Leading words of that form that only give context ("have" in "have sugar") and stay out of the span. */
  skip: Uint8Array;
  /** Forms that only match in exactly this case (acronyms such as "MS", "AF"), by node. */
  cased: ReadonlyMap<number, string>;
  /** Distinct forms. */
  size: number;
  /**
   * Single-word, case-free forms of concepts below `curated`, keyed by hashBackward() of the word under ROOT,
   * for splitting Dutch compounds on their head.
   */
  heads(curated: number): ChildTable;
}

/** Assembles a FormTrie from its parts; heads are found among `singles`, the nodes of single-word forms. */
export function formTrie(parts: Omit<FormTrie, 'heads'>, singles: readonly number[]): FormTrie {
  const headCache = new Map<number, ChildTable>();
  const trie: FormTrie = {
    ...parts,
    heads(curated) {
      let table = headCache.get(curated);
      if (!table) {
        table = headsOf(trie, singles, curated);
        headCache.set(curated, table);
      }
      return table;
    },
  };
  return trie;
}

function headsOf(trie: FormTrie, singles: readonly number[], curated: number): ChildTable {
  const heads = singles.filter((node) => trie.concept[node]! < curated && !trie.cased.has(node));
  const table = new ChildTable(heads.length);
  const { text, start, end } = trie.words;
  for (const node of heads) table.add(ROOT, hashBackward(text, start[node]!, end[node]!), node);
  return table;
}
