import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelMetrics, loadSoftScorer, scoreLabels } from '../../eval/kinds/labels.ts';
import { labelMappingFor } from '../../eval/mappings/labels.ts';
import { type LabelsRecord, zScenarioRecord } from '../../eval/records.ts';
import { toyHarness } from './fake-registry.ts';

const records: LabelsRecord[] = [
  { id: '1', text: 'I will end it all', labels: { self_harm: 1 } },
  { id: '2', text: 'cutting again', labels: { self_harm: 1 } },
  { id: '3', text: 'nice weather', labels: { self_harm: 0 } },
  { id: '4', text: 'a film about suicide, very moving', labels: { self_harm: 0 } },
];

describe('labels with soft scores', () => {
  const mapping = labelMappingFor('openai_moderation');

  it('ranks messages without findings by the soft score, leaving the binary counts unchanged', () => {
    const soft = (text: string) => ({ 'crisis.self_harm': text.startsWith('cutting') ? 0.3 : 0 });
    type Detection = { tp: number; fp: number; fn: number; auprc: number };
    const metric = (m: ReturnType<typeof labelMetrics>) => m['label.self_harm'] as Detection;
    const plain = metric(labelMetrics(scoreLabels(records, mapping, toyHarness()), mapping));
    const graded = metric(labelMetrics(scoreLabels(records, mapping, toyHarness(), soft), mapping));
    expect(graded).toMatchObject({ tp: plain.tp, fp: plain.fp, fn: plain.fn });
    expect(graded.auprc).toBeGreaterThan(plain.auprc);
  });

  it('loads the detectors’ soft scorers, keyed by finding code', async () => {
    const soft = await loadSoftScorer();
    expect(soft).not.toBeNull();
    const scores = soft!('My brother took his own life years ago');
    expect(scores['crisis.suicide_risk']).toBeGreaterThan(0);
    expect(scores['crisis.suicide_risk']).toBeLessThan(0.4);
    expect(soft!('Lovely walk this morning')['crisis.suicide_risk']).toBe(0);
  });
});

describe('paraphrase check set', () => {
  const lines = readFileSync('eval/fixtures/paraphrase-check.jsonl', 'utf8').trim().split('\n');
  const parsed = lines.map((l) => zScenarioRecord.parse(JSON.parse(l)));

  it('is a valid scenarios file with at least 150 messages per language', () => {
    expect(parsed.filter((r) => r.lang === 'en').length).toBeGreaterThanOrEqual(150);
    expect(parsed.filter((r) => r.lang === 'nl').length).toBeGreaterThanOrEqual(150);
    expect(new Set(parsed.map((r) => r.id)).size).toBe(parsed.length);
  });

  it('covers every crisis type and boundary label, with negatives', () => {
    for (const c of ['suicide_risk', 'self_harm', 'medical_emergency', 'violence_or_abuse', 'none'])
      expect(parsed.some((r) => r.expect.crisis === c)).toBe(true);
    for (const b of [
      'advice_request',
      'individual_advice',
      'private_contact',
      'commercial',
      'misinformation',
      'harassment',
    ])
      expect(parsed.some((r) => r.expect.boundary.includes(b))).toBe(true);
  });
});
