import type { Env } from '../env.ts';

/** How this deployment reaches its OpenAI-compatible endpoint, and the controls around it. */
export interface ReviewerOptions {
  /** e.g. https://api.openai.com/v1, or a self-hosted vLLM / Ollama / llama.cpp server's /v1. */
  baseURL?: string | undefined;
  apiKey?: string | undefined;
  model: string;
  /** The provider's moderation model (e.g. omni-moderation-latest) as an extra signal; null when not offered. */
  moderationModel?: string | null | undefined;
  timeoutMs: number;
  /** Review jobs in flight per worker process. */
  concurrency: number;
  /** Consecutive failures that open the circuit breaker (default 5). */
  breakerThreshold?: number | undefined;
  /** How long the breaker stays open before one probe (default 30 s). */
  breakerCooldownMs?: number | undefined;
  /** How long an opinion is reused for the same redacted text and model (default 24 h). */
  cacheTtlSeconds?: number | undefined;
}

/** Reviewer options from the environment, or undefined when no model is configured (review stays off). */
export function reviewerFromEnv(env: Env): ReviewerOptions | undefined {
  if (!env.WARD_REVIEW_MODEL) return undefined;
  return {
    baseURL: env.OPENAI_BASE_URL,
    apiKey: env.OPENAI_API_KEY,
    model: env.WARD_REVIEW_MODEL,
    moderationModel: env.WARD_REVIEW_MODERATION_MODEL ?? null,
    timeoutMs: env.WARD_REVIEW_TIMEOUT_MS,
    concurrency: env.WARD_REVIEW_CONCURRENCY,
  };
}
