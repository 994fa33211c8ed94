import { describe, expect, it } from 'vitest';
import {
  categoryOfCode,
  OPINION_RESPONSE_FORMAT,
  opinionCodes,
  parseOpinion,
} from '../../../worker/review/opinion.ts';

const valid = {
  crisis_type: 'self_harm',
  boundary_labels: ['advice_request', 'misinformation'],
  misinformation_claim: null,
  confidence: 0.8,
  rationale: 'Reads as current self-harm.',
};

describe('opinion schema', () => {
  it('sends a strict JSON schema aligned to Ward finding codes', () => {
    const f = OPINION_RESPONSE_FORMAT;
    expect(f.type).toBe('json_schema');
    expect(f.json_schema.strict).toBe(true);
    const props = (f.json_schema.schema as { properties: Record<string, { enum?: string[] }> }).properties;
    expect(Object.keys(props).sort()).toEqual([
      'boundary_labels',
      'confidence',
      'crisis_type',
      'misinformation_claim',
      'rationale',
    ]);
    expect(props.crisis_type?.enum).toContain('suicide_risk');
    expect(props.crisis_type?.enum).toContain('none');
  });

  it('parses a valid answer, also inside a fenced block', () => {
    expect(parseOpinion(JSON.stringify(valid))?.crisis_type).toBe('self_harm');
    expect(parseOpinion(`\`\`\`json\n${JSON.stringify(valid)}\n\`\`\``)?.confidence).toBe(0.8);
  });

  it('treats anything else as no opinion', () => {
    expect(parseOpinion(null)).toBeNull();
    expect(parseOpinion('I am sorry, I cannot help with that.')).toBeNull();
    expect(parseOpinion(JSON.stringify({ ...valid, crisis_type: 'sad' }))).toBeNull();
    expect(parseOpinion(JSON.stringify({ ...valid, confidence: 1.4 }))).toBeNull();
    expect(parseOpinion(JSON.stringify({ ...valid, extra: 1 }))).toBeNull();
    const { rationale: _r, ...missing } = valid;
    expect(parseOpinion(JSON.stringify(missing))).toBeNull();
  });

  it('maps an opinion to codes within the community categories', () => {
    const o = parseOpinion(JSON.stringify(valid))!;
    expect(opinionCodes(o, ['crisis', 'boundary', 'misinformation']).sort()).toEqual([
      'boundary.advice_request',
      'boundary.misinformation',
      'crisis.self_harm',
    ]);
    expect(opinionCodes(o, ['crisis'])).toEqual(['crisis.self_harm']);
    expect(
      opinionCodes(
        { ...o, crisis_type: 'none', boundary_labels: [], misinformation_claim: 'vaccines cause autism' },
        ['misinformation'],
      ),
    ).toEqual(['boundary.misinformation']);
    expect(
      opinionCodes({ ...o, crisis_type: 'none', boundary_labels: [] }, [
        'crisis',
        'boundary',
        'misinformation',
      ]),
    ).toEqual([]);
  });

  it('knows which finding codes a review may judge', () => {
    expect(categoryOfCode('crisis.suicide_risk')).toBe('crisis');
    expect(categoryOfCode('boundary.misinformation')).toBe('misinformation');
    expect(categoryOfCode('boundary.commercial')).toBe('boundary');
    expect(categoryOfCode('pii.PHONE')).toBeNull();
    expect(categoryOfCode('disclosure.third_party')).toBeNull();
  });
});
