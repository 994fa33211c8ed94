import type { PolicyContext } from '../../../policies/core/define-policy.ts';
import type { ChatMessage, SpaceKind } from '../../../policies/core/types.ts';
import { normalizeText } from '../../../policies/detect/normalize.ts';

/** A policy context for one message, with a working memo that counts computations. */
export function contextFor(
  text: string,
  space: SpaceKind,
  roles: string[] = ['member'],
): PolicyContext & { computed: string[] } {
  const message: ChatMessage = {
    id: 'm1',
    platform: 'sandbox',
    workspaceId: 'w',
    channelId: 'c',
    threadId: null,
    platformMessageId: 'p1',
    author: { id: 'u1', roles },
    space,
    text,
    sentAt: new Date(0),
    editOf: null,
    locale: null,
  };
  const memo = new Map<string, unknown>();
  const computed: string[] = [];
  return {
    message,
    text: normalizeText(text),
    now: new Date(0),
    locale: 'en-GB',
    computed,
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) {
        computed.push(key);
        memo.set(key, compute());
      }
      return memo.get(key) as T;
    },
  };
}
