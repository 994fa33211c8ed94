import { isSpaceCode, isUpperAt } from './char-class.ts';
import { digitRunsOf } from './text-index.ts';
import type { ScanText } from './types.ts';

/** Which street-address shapes can occur in a text; a false flag means its pattern cannot match anywhere. */
export interface StreetShapes {
  /** A house number after a word ending in a street suffix ("Lindenlaan 23"). */
  suffixed: boolean;
  /** A house number after a separate street word ("Trenerys gate 232"). */
  splitType: boolean;
  /** A house number after whitespace (needed by the prefixed forms such as "Rue Dielhère 130"). */
  numberAfterSpace: boolean;
  /** A number followed by whitespace and a capital ("1187 Maple Street", "28245 Puruntie 82"). */
  numberBeforeCapital: boolean;
}

/**
 * Looks only around digit runs: every street pattern holds a number next to whitespace, and the word beside it
 * decides the shape. `suffixEnd` and `splitEnd` test the text just before that whitespace.
 */
export function streetShapes(scan: ScanText, suffixEnd: RegExp, splitEnd: RegExp): StreetShapes {
  const v = scan.value;
  const { starts, ends } = digitRunsOf(scan);
  const shapes: StreetShapes = {
    suffixed: false,
    splitType: false,
    numberAfterSpace: false,
    numberBeforeCapital: false,
  };
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    if (s >= 2 && isSpaceCode(v.charCodeAt(s - 1))) {
      shapes.numberAfterSpace = true;
      // Both kinds of street word end in a letter (or "str."): after a digit or other mark there is nothing to test.
      const last = v.charCodeAt(s - 2);
      const wordBefore =
        last === 0x2e || last >= 0x80 || (last >= 0x61 && last <= 0x7a) || (last >= 0x41 && last <= 0x5a);
      if (wordBefore && (!shapes.suffixed || !shapes.splitType)) {
        const before = v.slice(Math.max(0, s - 9), s - 1);
        if (!shapes.suffixed && suffixEnd.test(before)) shapes.suffixed = true;
        if (!shapes.splitType && splitEnd.test(before)) shapes.splitType = true;
      }
    }
    if (!shapes.numberBeforeCapital) {
      // An optional letter may follow the number ("12a Main Street").
      let e = ends[k]!;
      const c = v.charCodeAt(e);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) e++;
      if (isSpaceCode(v.charCodeAt(e)) && isUpperAt(v, e + 1)) shapes.numberBeforeCapital = true;
    }
  }
  return shapes;
}
