import { describe, expect, it } from 'vitest';
import { scoreScenarios } from '../../eval/kinds/scenarios.ts';
import type { ScenarioRecord } from '../../eval/records.ts';
import { toyHarness } from './fake-registry.ts';

const record = (
  id: string,
  lang: string,
  text: string,
  expect: Partial<ScenarioRecord['expect']>,
): ScenarioRecord => ({
  id,
  lang,
  space: 'peer_support',
  author_role: 'member',
  text,
  expect: {
    pii: [],
    disclosure: 'none',
    crisis: 'none',
    boundary: [],
    conditions: [],
    specialty: null,
    escalate: 'none',
    ...expect,
  },
});

const records: ScenarioRecord[] = [
  record('a', 'en', 'I want to end it tonight', {
    crisis: 'suicide_risk',
    specialty: 'psychiatry',
    escalate: 'urgent',
  }),
  record('b', 'en', 'Anna has asthma', {
    pii: [{ start: 0, end: 4, type: 'NAME' }],
    conditions: [{ term: 'asthma', concept: 'asthma', kind: 'condition', assertion: 'family' }],
  }),
  record('c', 'nl', 'Ik kan niet meer, ik wil er een eind aan maken', {
    crisis: 'suicide_risk',
    escalate: 'urgent',
    specialty: 'psychiatry',
  }),
  record('d', 'nl', 'Lekker weer vandaag', {}),
];

describe('scoreScenarios', () => {
  const s = scoreScenarios(records, toyHarness());

  it('scores crisis detection per record and type', () => {
    expect(s.metrics['crisis.any']).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(s.metrics['crisis.suicide_risk']).toMatchObject({ tp: 1, fn: 1 });
    expect(s.metrics['crisis.self_harm']).toBeUndefined();
  });

  it('scores pii overlap, concepts and assertion over concepts found in both', () => {
    expect(s.metrics['pii.overall.overlap']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.metrics['pii.NAME.overlap']).toMatchObject({ tp: 1 });
    expect(s.metrics['conditions.concept']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.metrics['conditions.assertion']).toEqual({ correct: 0, total: 1, accuracy: 0 });
  });

  it('scores specialty and escalation', () => {
    expect(s.metrics.specialty).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(s.metrics['escalate.urgent']).toMatchObject({ tp: 1, fn: 1 });
  });

  it('leaves out families no policy emits', () => {
    expect(Object.keys(s.metrics).some((k) => k.startsWith('boundary.') || k.startsWith('disclosure.'))).toBe(
      false,
    );
  });

  it('reports per language', () => {
    expect(s.byLang.get('en')?.['crisis.any']).toMatchObject({ tp: 1, fn: 0 });
    expect(s.byLang.get('nl')?.['crisis.any']).toMatchObject({ tp: 0, fn: 1 });
  });
});
