import type { PolicyContext } from '../../../policies/core/define-policy.ts';
import type { ChatMessage, SpaceKind } from '../../../policies/core/types.ts';
import { normalizeText } from '../../../policies/detect/normalize.ts';

/** Options for a test message. */
export interface TestMessage {
  space?: SpaceKind;
  roles?: string[];
  locale?: string;
}

/** Builds a PolicyContext for one message, as the worker would. */
export function contextFor(text: string, opts: TestMessage = {}): PolicyContext {
  const memo = new Map<string, unknown>();
  const message: ChatMessage = {
    id: 'm1',
    platform: 'sandbox',
    workspaceId: 'w',
    channelId: 'c',
    threadId: null,
    platformMessageId: 'p1',
    author: { id: 'a1', roles: opts.roles ?? ['member'] },
    space: opts.space ?? 'peer_support',
    text,
    sentAt: new Date('2026-11-25T10:00:00Z'),
    editOf: null,
    locale: opts.locale ?? 'en-GB',
  };
  return {
    message,
    text: normalizeText(text),
    now: new Date('2026-11-25T10:00:00Z'),
    locale: opts.locale ?? 'en-GB',
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
