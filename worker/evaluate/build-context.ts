import type { PolicyContext } from '../../policies/core/define-policy.ts';
import type { ChatMessage } from '../../policies/core/types.ts';
import { normalizeText } from '../../policies/detect/normalize.ts';

/** Builds the pure context policies see: normalized text, the time, the locale and a per-message memo. */
export function buildPolicyContext(message: ChatMessage, now: Date, communityLocale: string): PolicyContext {
  const memo = new Map<string, unknown>();
  return {
    message,
    text: normalizeText(message.text),
    now,
    locale: message.locale ?? communityLocale,
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
