/** Where a placeholder sits in the redacted text, and which original range it replaced. */
export interface RedactionPlaceholder {
  type: string;
  /** Range in the original text. */
  start: number;
  end: number;
  /** Range of the `[TYPE]` placeholder in the redacted text. */
  redactedStart: number;
  redactedEnd: number;
}

/** The redacted copy of a message and the map between it and the original. */
export interface RedactionResult {
  text: string;
  placeholders: RedactionPlaceholder[];
}

/** Replaces each span with a typed placeholder (`[PHONE]`); overlapping or out-of-range spans are merged or clipped. */
export function redactText(
  original: string,
  spans: readonly { type: string; start: number; end: number }[],
): RedactionResult {
  const sorted = spans
    .map((s) => ({ type: s.type, start: Math.max(0, s.start), end: Math.min(original.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { type: string; start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let text = '';
  let cursor = 0;
  const placeholders: RedactionPlaceholder[] = [];
  for (const s of merged) {
    text += original.slice(cursor, s.start);
    const label = `[${s.type.toUpperCase()}]`;
    placeholders.push({
      type: s.type,
      start: s.start,
      end: s.end,
      redactedStart: text.length,
      redactedEnd: text.length + label.length,
    });
    text += label;
    cursor = s.end;
  }
  text += original.slice(cursor);
  return { text, placeholders };
}
