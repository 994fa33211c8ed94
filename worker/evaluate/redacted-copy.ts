import type { PolicyContext } from '../../policies/core/define-policy.ts';
import { piiFor } from '../../policies/detect/pii/index.ts';
import { redactText } from '../../policies/detect/pii/redact.ts';

/**
 * The redacted copy every later stage sees: every PII span the detectors find, whatever the channel's policy
 * settings, so that cards, logs and any model never see an identifier even where a policy only records it.
 */
export function redactedCopyFor(ctx: PolicyContext, fullText: string): string {
  return redactText(fullText, piiFor(ctx)).text;
}
