import { isStamped, textIndexOf, trigramBucket, trigramUnit } from './text-index.ts';
import type { ScanText } from './types.ts';

/**
 * A cheap "may the lower-cased text contain one of these literals?" test, from the trigrams of the text gathered
 * in the shared text index: false only when, for every literal, some three-character piece of it is absent (white
 * space in literals stands for any white space). Literals must be lower case and at least three characters long.
 */
export class LiteralFilter {
  readonly #pieces: number[][];

  constructor(literals: readonly string[]) {
    this.#pieces = literals.map((literal) => {
      if (literal.length < 3 || literal !== literal.toLowerCase())
        throw new Error('LiteralFilter literals are lower case, three characters or more');
      const pieces: number[] = [];
      for (let i = 2; i < literal.length; i++)
        pieces.push(
          trigramBucket(trigramUnit(literal, i - 2), trigramUnit(literal, i - 1), trigramUnit(literal, i)),
        );
      return pieces;
    });
  }

  /** Whether some literal may occur in `scan.lower` (never false when one does). */
  mayOccur(scan: ScanText): boolean {
    const stamp = textIndexOf(scan).stamp;
    for (const pieces of this.#pieces) {
      let all = true;
      for (const p of pieces) {
        if (!isStamped(p, stamp)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
}
