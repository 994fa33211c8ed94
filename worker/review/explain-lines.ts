import type { ReviewCallRow } from '../../db/repositories/review-calls.ts';

/** One line per review call for /explain: when, model, outcome, tokens, latency, codes, what it changed. Ids and codes only. */
export function formatReviewCalls(calls: readonly ReviewCallRow[]): string[] {
  return calls.map((c) => {
    const codes = c.opinionCodes.length ? ` — ${c.opinionCodes.join(', ')}` : '';
    const confidence = c.confidence === null ? '' : ` (${c.confidence.toFixed(2)})`;
    const applied = c.applied && c.applied !== 'none' ? `; ${c.applied.replace('_', ' ')}` : '';
    const error = c.errorCode ? ` [${c.errorCode}]` : '';
    return `• second opinion ${c.createdAt.toISOString()} ${c.endpoint}/${c.model} (${c.trigger}): ${c.outcome}${error}, ${c.totalTokens} tokens, ${c.latencyMs} ms${codes}${confidence}${applied}`;
  });
}
