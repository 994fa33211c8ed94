import { describe, expect, it } from 'vitest';
import { mergeDecisions, mergeSpans } from '../../../policies/core/merge-decisions.ts';

describe('mergeDecisions', () => {
  it('takes the strongest verdict and unions redactions', () => {
    const m = mergeDecisions([
      { policy: 'a', verdict: 'flag', findings: [], actions: [{ kind: 'redact', spans: [[0, 3]] }] },
      {
        policy: 'b',
        verdict: 'hold',
        findings: [],
        actions: [
          { kind: 'hold' },
          {
            kind: 'redact',
            spans: [
              [2, 6],
              [10, 12],
            ],
          },
        ],
      },
    ]);
    expect(m.verdict).toBe('hold');
    expect(m.actions).toContainEqual({ kind: 'hold' });
    expect(m.actions).toContainEqual({
      kind: 'redact',
      spans: [
        [0, 6],
        [10, 12],
      ],
    });
  });

  it('collapses escalations to one at the highest priority with every reason', () => {
    const m = mergeDecisions([
      {
        policy: 'a',
        verdict: 'flag',
        findings: [],
        actions: [{ kind: 'escalate', priority: 'routine', reason: 'r1', specialty: 'pharmacy' }],
      },
      {
        policy: 'b',
        verdict: 'flag',
        findings: [],
        actions: [{ kind: 'escalate', priority: 'urgent', reason: 'r2', specialty: 'psychiatry' }],
      },
    ]);
    const esc = m.actions.filter((a) => a.kind === 'escalate');
    expect(esc).toEqual([
      { kind: 'escalate', priority: 'urgent', specialty: 'psychiatry', reason: 'r1; r2' },
    ]);
  });

  it('unions tags and keeps one private reply per template; remove beats hold', () => {
    const c = {
      concept: 'asthma',
      kind: 'condition' as const,
      assertion: 'present' as const,
      span: [0, 6] as [number, number],
    };
    const m = mergeDecisions([
      {
        policy: 'a',
        verdict: 'remove',
        findings: [],
        actions: [
          { kind: 'remove' },
          { kind: 'tag', concepts: [c] },
          { kind: 'reply_privately', template: 't' },
        ],
      },
      {
        policy: 'b',
        verdict: 'hold',
        findings: [{ code: 'x', severity: 'low' }],
        actions: [
          { kind: 'hold' },
          { kind: 'tag', concepts: [c] },
          { kind: 'reply_privately', template: 't' },
        ],
      },
    ]);
    expect(m.actions.filter((a) => a.kind === 'remove' || a.kind === 'hold')).toEqual([{ kind: 'remove' }]);
    expect(m.actions.filter((a) => a.kind === 'tag')).toEqual([{ kind: 'tag', concepts: [c] }]);
    expect(m.actions.filter((a) => a.kind === 'reply_privately')).toHaveLength(1);
    expect(m.findings).toEqual([{ code: 'x', severity: 'low', policy: 'b' }]);
  });

  it('allows when nothing matched', () => {
    expect(mergeDecisions([])).toEqual({ verdict: 'allow', policies: [], findings: [], actions: [] });
  });

  it('merges touching and nested spans', () => {
    expect(
      mergeSpans([
        [5, 8],
        [0, 2],
        [2, 3],
        [6, 7],
      ]),
    ).toEqual([
      [0, 3],
      [5, 8],
    ]);
  });
});
