import { z } from 'zod';
import { decide, definePolicy } from '../core/define-policy.ts';
import { CRISIS_TYPES, crisisCode } from '../core/finding-codes.ts';
import { type Action, SPACE_KINDS } from '../core/types.ts';
import { detectCrisis } from './crisis-detect.ts';
import { crisisLinesFor } from './crisis-lines.ts';

/** Template the executor renders for the author: a warm, #chatsafe-style private message with the locale's crisis lines. */
export const CRISIS_SUPPORT_TEMPLATE = 'crisis_support';

const zSettings = z
  .strictObject({
    /** Crisis types this community acts on; all by default. */
    types: z.array(z.enum(CRISIS_TYPES)).default([...CRISIS_TYPES]),
    /** Per space: `act` (private support message + urgent escalation) or `off`. */
    spaces: z.partialRecord(z.enum(SPACE_KINDS), z.enum(['act', 'off'])).default({}),
  })
  .default({ types: [...CRISIS_TYPES], spaces: {} });

/** Crisis detection (suicide risk, self-harm, medical emergency, violence or abuse): private support and an urgent page. */
export const CrisisPolicy = definePolicy({
  name: 'crisis',
  description:
    'Crisis signals get a private, warm message with the crisis lines for the locale and an urgent escalation.',
  failMode: 'escalate',
  tier: 'crisis',
  configSchema: zSettings,
  evaluate(ctx, config) {
    if ((config.spaces[ctx.message.space] ?? 'act') === 'off') return null;
    const signals = ctx
      .memo('safety.crisis', () => detectCrisis(ctx.text))
      .filter((s) => config.types.includes(s.type));
    const top = signals[0];
    if (!top) return null;
    const lines = crisisLinesFor(ctx.locale);
    const resources = [
      ...(top.type === 'medical_emergency' && lines ? [`emergency:${lines.emergency.number}`] : []),
      ...(lines?.lines.map((l) => `crisis_line:${l.id}`) ?? []),
    ];
    const actions: Action[] = [
      { kind: 'reply_privately', template: CRISIS_SUPPORT_TEMPLATE, resources },
      {
        kind: 'escalate',
        priority: 'urgent',
        // The most specific specialty among the top type's cues ("can't breathe" + "inhaler not helping": pulmonology).
        specialty:
          signals.find((s) => s.type === top.type && s.specialty && s.specialty !== 'general_practice')
            ?.specialty ??
          top.specialty ??
          'general_practice',
        reason: crisisCode(top.type),
      },
    ];
    const findings = signals
      .filter((s) => s.type === top.type)
      .map((s) => ({
        code: crisisCode(s.type),
        severity: 'critical' as const,
        span: s.span,
        confidence: s.confidence,
        detail: `lang=${s.lang}`,
      }));
    return decide('crisis', 'flag', { findings, actions });
  },
});
