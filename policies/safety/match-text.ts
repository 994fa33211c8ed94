import type { CueSet } from '../detect/cues/cue-set.ts';

const BOUNDARY = /[.!?\n]/;

/** The [start, end) range of the sentence that contains the range [from, to). */
export function sentenceAround(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !BOUNDARY.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !BOUNDARY.test(text[end]!)) end++;
  return [start, end];
}

/** Whether any cue of `set` matches `text`, or its part [start, end) (false for a missing set). */
export function testCues(
  set: CueSet | null | undefined,
  text: string,
  start?: number,
  end?: number,
): boolean {
  return set ? set.test(text, start, end) : false;
}
