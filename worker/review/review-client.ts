import OpenAI from 'openai';
import { boundaryCode, crisisCode } from '../../policies/core/finding-codes.ts';
import { OPINION_RESPONSE_FORMAT, type Opinion, parseOpinion } from './opinion.ts';
import { buildReviewMessages, type ReviewRequest } from './prompt.ts';
import type { ReviewerOptions } from './reviewer-options.ts';

/** How one call ended. Only timeout, rate_limited and error count against the circuit breaker. */
export type CallOutcome = 'opinion' | 'invalid' | 'refused' | 'timeout' | 'rate_limited' | 'error';

/** Tokens a call used (estimated at ~4 characters a token when the server reports none). */
export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

/** The result of asking for a structured opinion. */
export interface ChatReview {
  outcome: CallOutcome;
  opinion: Opinion | null;
  usage: TokenUsage;
  ms: number;
  errorCode: string | null;
}

/** The result of the moderation endpoint: Ward codes it maps to, with the provider's scores. */
export interface ModerationReview {
  outcome: CallOutcome;
  flagged: { code: string; score: number }[];
  ms: number;
  errorCode: string | null;
}

/** Asks a language model for a second opinion. */
export interface ReviewClient {
  readonly model: string;
  readonly moderationModel: string | null;
  review(req: ReviewRequest): Promise<ChatReview>;
  moderate(text: string): Promise<ModerationReview>;
}

// Provider moderation categories → Ward finding codes.
const MODERATION_CODES: Record<string, string> = {
  'self-harm': crisisCode('self_harm'),
  'self-harm/intent': crisisCode('self_harm'),
  'self-harm/instructions': crisisCode('self_harm'),
  violence: crisisCode('violence_or_abuse'),
  harassment: boundaryCode('harassment'),
  'harassment/threatening': boundaryCode('harassment'),
  hate: boundaryCode('harassment'),
  'hate/threatening': boundaryCode('harassment'),
};

const estimate = (chars: number) => Math.ceil(chars / 4);

/** Classifies an SDK error by status or class; codes only, never the error message. */
export function classifyError(err: unknown): { outcome: CallOutcome; errorCode: string } {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return { outcome: 'timeout', errorCode: 'timeout' };
  if (err instanceof OpenAI.RateLimitError) return { outcome: 'rate_limited', errorCode: 'http_429' };
  if (err instanceof OpenAI.APIError && typeof err.status === 'number')
    return { outcome: 'error', errorCode: `http_${err.status}` };
  return { outcome: 'error', errorCode: err instanceof Error ? err.name : 'unknown' };
}

/** The production client: the `openai` SDK against any OpenAI-compatible base URL, no SDK retries, no SDK logging. */
export class StandardReviewClient implements ReviewClient {
  readonly model: string;
  readonly moderationModel: string | null;
  private readonly sdk: OpenAI;

  constructor(options: ReviewerOptions) {
    this.model = options.model;
    this.moderationModel = options.moderationModel ?? null;
    this.sdk = new OpenAI({
      baseURL: options.baseURL,
      // Self-hosted servers often need no key; the SDK insists on one.
      apiKey: options.apiKey ?? 'not-needed',
      timeout: options.timeoutMs,
      maxRetries: 0,
      logLevel: 'off',
    });
  }

  /** Asks for an opinion in the JSON schema; refusals and answers that fail validation are no opinion. */
  async review(req: ReviewRequest): Promise<ChatReview> {
    const started = performance.now();
    const messages = buildReviewMessages(req);
    const promptChars = messages.reduce((n, m) => n + String(m.content ?? '').length, 0);
    const ms = () => Math.round(performance.now() - started);
    try {
      const res = await this.sdk.chat.completions.create({
        model: this.model,
        messages,
        response_format: OPINION_RESPONSE_FORMAT,
        temperature: 0,
        max_completion_tokens: 300,
      });
      const choice = res.choices[0];
      const content = choice?.message.content ?? null;
      const usage: TokenUsage = res.usage
        ? {
            prompt: res.usage.prompt_tokens,
            completion: res.usage.completion_tokens,
            total: res.usage.total_tokens,
          }
        : {
            prompt: estimate(promptChars),
            completion: estimate(content?.length ?? 0),
            total: estimate(promptChars + (content?.length ?? 0)),
          };
      if (choice?.message.refusal || choice?.finish_reason === 'content_filter') {
        return { outcome: 'refused', opinion: null, usage, ms: ms(), errorCode: null };
      }
      const opinion = choice?.finish_reason === 'length' ? null : parseOpinion(content);
      return { outcome: opinion ? 'opinion' : 'invalid', opinion, usage, ms: ms(), errorCode: null };
    } catch (err) {
      const { outcome, errorCode } = classifyError(err);
      // A timed-out request may still be billed: count its prompt against the budget.
      const prompt = outcome === 'timeout' ? estimate(promptChars) : 0;
      return { outcome, opinion: null, usage: { prompt, completion: 0, total: prompt }, ms: ms(), errorCode };
    }
  }

  /** Calls the moderation endpoint when a moderation model is configured. */
  async moderate(text: string): Promise<ModerationReview> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    if (!this.moderationModel) return { outcome: 'error', flagged: [], ms: 0, errorCode: 'not_configured' };
    try {
      const res = await this.sdk.moderations.create({ model: this.moderationModel, input: text });
      const scores = (res.results[0]?.category_scores ?? {}) as unknown as Record<string, number>;
      const best = new Map<string, number>();
      for (const [category, score] of Object.entries(scores)) {
        const code = MODERATION_CODES[category];
        if (code && typeof score === 'number' && score > (best.get(code) ?? 0)) best.set(code, score);
      }
      return {
        outcome: 'opinion',
        flagged: [...best].map(([code, score]) => ({ code, score })),
        ms: ms(),
        errorCode: null,
      };
    } catch (err) {
      return { ...classifyError(err), flagged: [], ms: ms() };
    }
  }
}
