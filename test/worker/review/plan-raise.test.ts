import { describe, expect, it } from 'vitest';
import { type OpinionSignal, planRaise } from '../../../worker/review/plan-raise.ts';

const model = (
  codes: string[],
  confidence = 0.9,
  rationale: string | null = 'Indirect suicidal language.',
): OpinionSignal => ({ source: 'model', codes, confidence, rationale });

describe('planRaise', () => {
  it('opens an urgent escalation for a crisis the rules missed', () => {
    const p = planRaise({
      signals: [model(['crisis.suicide_risk'])],
      ruleCodes: [],
      existing: null,
      minConfidence: 0.7,
    });
    expect(p).toEqual({
      action: 'create',
      priority: 'urgent',
      specialty: 'psychiatry',
      reason: 'second opinion: crisis.suicide_risk — Indirect suicidal language.',
      findingCodes: ['review.crisis.suicide_risk'],
    });
  });

  it('opens a routine escalation for a boundary concern the rules missed', () => {
    const p = planRaise({
      signals: [model(['boundary.misinformation'], 0.8, null)],
      ruleCodes: ['boundary.advice_request'],
      existing: null,
      minConfidence: 0.7,
    });
    expect(p?.priority).toBe('routine');
    expect(p?.reason).toBe('second opinion: boundary.misinformation');
  });

  it('adds its reason to a live escalation, raising only when it brings a new crisis', () => {
    const agree = planRaise({
      signals: [model(['crisis.self_harm'])],
      ruleCodes: ['crisis.self_harm'],
      existing: { priority: 'urgent' },
      minConfidence: 0.7,
    });
    expect(agree?.action).toBe('merge');
    expect(agree?.priority).toBe('routine');
    const raise = planRaise({
      signals: [model(['crisis.self_harm'])],
      ruleCodes: ['boundary.commercial'],
      existing: { priority: 'routine' },
      minConfidence: 0.7,
    });
    expect(raise).toMatchObject({ action: 'merge', priority: 'urgent' });
  });

  it('never lowers: no concern, low confidence or plain agreement change nothing', () => {
    expect(
      planRaise({
        signals: [model([])],
        ruleCodes: ['crisis.suicide_risk'],
        existing: { priority: 'urgent' },
        minConfidence: 0.7,
      }),
    ).toBeNull();
    expect(
      planRaise({
        signals: [model(['crisis.self_harm'], 0.5)],
        ruleCodes: [],
        existing: null,
        minConfidence: 0.7,
      }),
    ).toBeNull();
    expect(
      planRaise({
        signals: [model(['boundary.commercial'])],
        ruleCodes: ['boundary.commercial'],
        existing: null,
        minConfidence: 0.7,
      }),
    ).toBeNull();
    expect(planRaise({ signals: [], ruleCodes: [], existing: null, minConfidence: 0.7 })).toBeNull();
  });

  it('uses the moderation endpoint as an extra signal', () => {
    const p = planRaise({
      signals: [{ source: 'moderation', codes: ['crisis.self_harm'], confidence: 0.93, rationale: null }],
      ruleCodes: [],
      existing: null,
      minConfidence: 0.7,
    });
    expect(p?.reason).toBe(
      'second opinion: crisis.self_harm — flagged by the provider’s moderation endpoint',
    );
  });
});
