import { describe, expect, it } from 'vitest';
import { ClinicalContextPolicy } from '../../../policies/evidence/clinical-context.ts';
import { contextFor } from '../confidentiality/context.ts';

const config = ClinicalContextPolicy.configSchema.parse(undefined);

describe('clinical_context', () => {
  it('tags concepts and links evidence in peer support', () => {
    const d = ClinicalContextPolicy.evaluate(
      contextFor('I was diagnosed with asthma last week.', 'peer_support'),
      config,
    );
    expect(d?.verdict).toBe('allow');
    expect(d?.actions[0]).toMatchObject({
      kind: 'tag',
      concepts: [{ concept: 'asthma', assertion: 'present' }],
    });
    expect(d?.actions[1]).toEqual({ kind: 'link_evidence', concepts: ['asthma'] });
  });

  it('tags but links nothing in general channels or for negated mentions', () => {
    const general = ClinicalContextPolicy.evaluate(contextFor('Asthma talk on Friday.', 'general'), config);
    expect(general?.actions.map((a) => a.kind)).toEqual(['tag']);
    const negated = ClinicalContextPolicy.evaluate(
      contextFor('No asthma here, just a cold.', 'peer_support'),
      config,
    );
    expect(negated?.actions.find((a) => a.kind === 'link_evidence')).toMatchObject({
      concepts: ['common cold'],
    });
  });

  it('returns null when nothing clinical is said, and memoizes concepts', () => {
    const ctx = contextFor('See you all on Friday!', 'peer_support');
    expect(ClinicalContextPolicy.evaluate(ctx, config)).toBeNull();
    expect(ctx.computed).toEqual(['concepts']);
  });
});
