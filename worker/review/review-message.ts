import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../db/crypto.ts';
import { findingsFor } from '../../db/repositories/decisions.ts';
import { getMessage, type MessageRow } from '../../db/repositories/messages.ts';
import {
  insertReviewCall,
  liveEscalationOfMessage,
  type NewReviewCall,
} from '../../db/repositories/review-calls.ts';
import type { SpaceKind } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import { errorCodeOf } from '../errors.ts';
import type { WardQueues } from '../queues.ts';
import { type Applied, applyRaise } from './apply-raise.ts';
import { alertBudgetExhaustedOnce, tokensLeftToday } from './budget.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { textForModel } from './model-text.ts';
import { categoryOfCode, type Opinion, opinionCodes } from './opinion.ts';
import type { OpinionCache } from './opinion-cache.ts';
import { type OpinionSignal, planRaise } from './plan-raise.ts';
import type { ReviewRequest } from './prompt.ts';
import { safeRationale } from './rationale.ts';
import type { ChatReview, ModerationReview, ReviewClient } from './review-client.ts';
import type { ReviewSettings } from './uncertainty.ts';

/** What the review processor needs. */
export interface ReviewDeps {
  db: Db;
  cipher: DataCipher;
  queues: WardQueues;
  community: CommunityState;
  log: Logger;
  /** Redis for the once-a-day budget alert flag. */
  redis: Redis;
  client: ReviewClient;
  breaker: CircuitBreaker;
  cache: OpinionCache;
  now?: () => Date;
}

/** How a review job ended (the chat call's outcome, or the control that stopped it), and what it changed. */
export interface ReviewSummary {
  outcome: string;
  applied: Applied;
  codes: string[];
}

const FAILURES = new Set(['timeout', 'rate_limited', 'error']);

/** Reviews one message: controls first (cache, budget, breaker), then the call, then an opinion that can only add. */
export async function reviewMessage(
  deps: ReviewDeps,
  messageId: string,
  trigger: 'uncertain' | 'moderator',
): Promise<ReviewSummary> {
  const settings = deps.community.current.review;
  const none = (outcome: string): ReviewSummary => ({ outcome, applied: 'none', codes: [] });
  if (!settings.enabled) return none('disabled');
  const message = await getMessage(deps.db, messageId);
  if (!message || message.communityId !== deps.community.id) return none('not_found');
  const base = {
    communityId: message.communityId,
    messageId,
    trigger,
    endpoint: 'chat',
    model: deps.client.model,
  };
  const record = (row: Partial<NewReviewCall> & { outcome: string }) =>
    insertReviewCall(deps.db, { ...base, ...row });
  if (!message.redactedCipher || message.status === 'deleted') {
    await record({ outcome: 'skipped', errorCode: 'text_purged' });
    return none('skipped');
  }
  const now = deps.now?.() ?? new Date();
  const locale = message.locale ?? deps.community.current.community.locale;
  const text = textForModel(deps.cipher.decrypt(message.redactedCipher), locale);
  const ruleCodes = [
    ...new Set((await findingsFor(deps.db, messageId)).filter((f) => !f.shadow).map((f) => f.code)),
  ];
  const req: ReviewRequest = {
    text,
    space: message.space as SpaceKind,
    locale,
    ruleCodes,
    categories: settings.categories,
  };
  const cacheKey = deps.cache.key(deps.client.model, settings.categories, text);

  const cached = await deps.cache.get(cacheKey).catch(() => null);
  if (cached) {
    const signals = [modelSignal(cached, settings, text)];
    const applied = await apply(deps, message, signals, ruleCodes, settings);
    await record({
      outcome: 'cached',
      opinionCodes: signals[0]!.codes as string[],
      confidence: cached.confidence,
      applied,
    });
    return { outcome: 'cached', applied, codes: [...signals[0]!.codes] };
  }
  if ((await tokensLeftToday(deps.db, message.communityId, settings.daily_token_budget, now)) <= 0) {
    if (await alertBudgetExhaustedOnce(deps, now))
      deps.log.warn(
        { communityId: message.communityId, code: 'review_budget_exhausted' },
        'review budget used up',
      );
    await record({ outcome: 'budget_exhausted' });
    return none('budget_exhausted');
  }
  if (!deps.breaker.allow()) {
    await record({ outcome: 'circuit_open' });
    return none('circuit_open');
  }

  const [chat, moderation] = await Promise.all([
    deps.client.review(req),
    deps.client.moderationModel ? deps.client.moderate(text) : Promise.resolve(null),
  ]);
  if (FAILURES.has(chat.outcome)) {
    if (deps.breaker.failure())
      deps.log.warn({ code: 'review_circuit_open' }, 'review endpoint failing; circuit breaker open');
  } else deps.breaker.success();
  if (chat.opinion) await deps.cache.set(cacheKey, chat.opinion).catch(() => {});

  const signals: OpinionSignal[] = [];
  if (chat.opinion) signals.push(modelSignal(chat.opinion, settings, text));
  const modSignal = moderation ? moderationSignal(moderation, settings) : null;
  if (modSignal) signals.push(modSignal);
  const applied = await apply(deps, message, signals, ruleCodes, settings);
  await record(chatRow(chat, signals[0]?.source === 'model' ? signals[0] : null, applied));
  if (moderation && deps.client.moderationModel) {
    await record({
      endpoint: 'moderation',
      model: deps.client.moderationModel,
      outcome: moderation.outcome,
      errorCode: moderation.errorCode,
      latencyMs: moderation.ms,
      opinionCodes: modSignal ? [...modSignal.codes] : [],
      confidence: modSignal?.confidence ?? null,
    });
  }
  return { outcome: chat.outcome, applied, codes: [...new Set(signals.flatMap((s) => s.codes))] };
}

function modelSignal(o: Opinion, settings: ReviewSettings, text: string): OpinionSignal {
  return {
    source: 'model',
    codes: opinionCodes(o, settings.categories),
    confidence: o.confidence,
    rationale: safeRationale(o.rationale, text),
  };
}

function moderationSignal(m: ModerationReview, settings: ReviewSettings): OpinionSignal | null {
  const hits = m.flagged.filter((f) => {
    const category = categoryOfCode(f.code);
    return category !== null && settings.categories.includes(category) && f.score >= settings.min_confidence;
  });
  if (hits.length === 0) return null;
  return {
    source: 'moderation',
    codes: hits.map((h) => h.code),
    confidence: Math.max(...hits.map((h) => h.score)),
    rationale: null,
  };
}

function chatRow(
  chat: ChatReview,
  signal: OpinionSignal | null,
  applied: Applied,
): Partial<NewReviewCall> & { outcome: string } {
  return {
    outcome: chat.outcome,
    errorCode: chat.errorCode,
    promptTokens: chat.usage.prompt,
    completionTokens: chat.usage.completion,
    totalTokens: chat.usage.total,
    latencyMs: chat.ms,
    opinionCodes: signal ? [...signal.codes] : [],
    confidence: chat.opinion?.confidence ?? null,
    applied,
  };
}

async function apply(
  deps: ReviewDeps,
  message: MessageRow,
  signals: OpinionSignal[],
  ruleCodes: string[],
  settings: ReviewSettings,
): Promise<Applied> {
  try {
    const existing = await liveEscalationOfMessage(deps.db, message.id);
    const plan = planRaise({
      signals,
      ruleCodes,
      existing: existing ?? null,
      minConfidence: settings.min_confidence,
    });
    return await applyRaise(deps, message, plan, existing);
  } catch (err) {
    deps.log.warn({ messageId: message.id, code: errorCodeOf(err) }, 'second opinion not applied');
    return 'none';
  }
}
