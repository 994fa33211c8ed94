import type { PiiSpan } from './types.ts';

// When two detectors claim overlapping text, the more specific type wins ties in confidence.
const PRIORITY: Record<string, number> = {
  EMAIL: 9,
  URL: 8,
  ID: 7,
  DATE_OF_BIRTH: 7,
  PHONE: 6,
  HANDLE: 6,
  ADDRESS: 5,
  NAME: 4,
  ORGANIZATION: 3,
  LOCATION: 3,
  AGE: 2,
  DATE: 1,
};

function overlapsAny(kept: readonly PiiSpan[], s: PiiSpan): boolean {
  for (const k of kept) if (k.start < s.end && s.start < k.end) return true;
  return false;
}

// Digits inside a link or an address are part of it (an article id, a port), never a phone number or an id of their own.
const CONTAINERS = new Set(['URL', 'EMAIL']);

function insideContainer(spans: readonly PiiSpan[], s: PiiSpan): boolean {
  if (CONTAINERS.has(s.type)) return false;
  for (const c of spans)
    if (CONTAINERS.has(c.type) && c.start <= s.start && s.end <= c.end && c.end - c.start > s.end - s.start)
      return true;
  return false;
}

/**
 * Keeps a non-overlapping subset: spans inside a link or e-mail address go, then higher confidence first, then
 * specificity, then length; result sorted by start.
 */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  const ranked = spans
    .filter((s) => !insideContainer(spans, s))
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        (PRIORITY[b.type] ?? 0) - (PRIORITY[a.type] ?? 0) ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start,
    );
  const kept: PiiSpan[] = [];
  for (const s of ranked) {
    if (s.end > s.start && !overlapsAny(kept, s)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}
