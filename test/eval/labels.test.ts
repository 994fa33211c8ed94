import { describe, expect, it } from 'vitest';
import { labelMetrics, scoreLabels } from '../../eval/kinds/labels.ts';
import { labelMappingFor } from '../../eval/mappings/labels.ts';
import type { LabelsRecord } from '../../eval/records.ts';
import { toyHarness } from './fake-registry.ts';

const records: LabelsRecord[] = [
  { id: '1', text: 'I will end it all', labels: { self_harm: 1, harassment: 0 } },
  { id: '2', text: 'nice weather', labels: { self_harm: 0, harassment: 0 } },
  { id: '3', text: 'cutting again', labels: { self_harm: 1 } },
];

describe('labels', () => {
  const mapping = labelMappingFor('openai_moderation');
  const scores = scoreLabels(records, mapping, toyHarness());
  const metrics = labelMetrics(scores, mapping);

  it('maps crisis findings to self_harm and scores only records that carry the label', () => {
    expect(metrics['label.self_harm']).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(scores.tallies.get('self_harm')?.tn).toBe(1);
  });

  it('adds AUPRC when findings carry confidences', () => {
    expect(metrics['label.self_harm']).toHaveProperty('auprc');
    expect((metrics['label.self_harm'] as { auprc: number }).auprc).toBeGreaterThan(0);
  });

  it('leaves out labels whose codes no policy emits', () => {
    expect(metrics['label.harassment']).toBeUndefined();
    expect(metrics['label.hate']).toBeUndefined();
  });

  it('falls back to label names for an unknown data set', () => {
    expect(labelMappingFor('somewhere_else').spam).toEqual(['boundary.commercial']);
  });
});
