import type { RunResult } from '../../policies/core/run-policies.ts';
import type { SpaceKind } from '../../policies/core/types.ts';
import { normalizeText } from '../../policies/detect/normalize.ts';
import { detectPii } from '../../policies/detect/pii/index.ts';
import { redactText } from '../../policies/detect/pii/redact.ts';
import { textForModel } from './model-text.ts';
import { opinionCodes } from './opinion.ts';
import type { ReviewClient, TokenUsage } from './review-client.ts';
import { softSignals } from './soft-signals.ts';
import { type ReviewSettings, reviewTriggers } from './uncertainty.ts';

/** Whether the rules were uncertain about a text they ran on (as the worker decides, without storage). */
export function isUncertain(text: string, result: RunResult, settings: ReviewSettings): boolean {
  const findings = result.decision.findings;
  const crisisFound = findings.some((f) => f.code.startsWith('crisis.'));
  return (
    reviewTriggers({ findings, crisisFound, softSignals: softSignals(normalizeText(text)) }, settings)
      .length > 0
  );
}

/** One offline review (eval): the text redacted the way ingest would, sent once; codes the opinion would add. */
export async function reviewOffline(
  client: ReviewClient,
  input: { text: string; locale: string; space: SpaceKind; ruleCodes: string[] },
  settings: ReviewSettings,
): Promise<{ outcome: string; codes: string[]; usage: TokenUsage }> {
  const redacted = redactText(
    input.text,
    detectPii(normalizeText(input.text), { locale: input.locale }),
  ).text;
  const text = textForModel(redacted, input.locale);
  const r = await client.review({
    text,
    space: input.space,
    locale: input.locale,
    ruleCodes: input.ruleCodes,
    categories: settings.categories,
  });
  const usable = r.opinion && r.opinion.confidence >= settings.min_confidence;
  return {
    outcome: r.outcome,
    codes: usable && r.opinion ? opinionCodes(r.opinion, settings.categories) : [],
    usage: r.usage,
  };
}
