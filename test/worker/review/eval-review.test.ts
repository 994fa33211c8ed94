import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../eval/read-dataset.ts';
import { withReview } from '../../../eval/review-compare.ts';
import { FakeOpenAi, NO_CONCERN } from '../../fakes/openai/fake-openai.ts';

const labels = (self_harm: number) => ({ self_harm, any: self_harm });
const ds: Dataset = {
  file: 'memory.jsonl',
  name: 'openai_moderation',
  kind: 'labels',
  records: [
    { id: 'r1', text: 'Honestly the self-harm scars still itch when it is warm', labels: labels(1) },
    { id: 'r2', text: 'What a lovely sunny day for a walk in the park', labels: labels(0) },
    { id: 'r3', text: 'I want to kill myself tonight', labels: labels(1) },
  ],
};

describe('npm run eval -- <labels file> --review', () => {
  const fake = new FakeOpenAi();
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.OPENAI_BASE_URL = await fake.start();
    process.env.OPENAI_API_KEY = 'sk-test';
    process.env.WARD_REVIEW_MODEL = 'eval-model';
  });
  afterAll(async () => {
    process.env = saved;
    await fake.close();
  });

  it('reports rules alone and rules plus review side by side, with calls and tokens', async () => {
    fake.chat = () => ({ kind: 'json', value: { ...NO_CONCERN, crisis_type: 'self_harm', confidence: 0.9 } });
    const lines: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    const result = await withReview(ds, { ms: 1, metrics: {} });
    log.mockRestore();
    expect(fake.calls('chat/completions')).toHaveLength(1);
    expect(result.metrics['review.label.self_harm']).toMatchObject({ tp: 2, fn: 0, recall: 1 });
    const out = lines.join('\n');
    expect(out).toMatch(/label\.self_harm\s+1\.000\/0\.500\/0\.667\s+1\.000\/1\.000\/1\.000/);
    expect(out).toMatch(/review: 1 of 3 records uncertain and sent; calls: opinion 1; tokens: \d+/);
  });

  it('sends nothing without a configured model', async () => {
    delete process.env.WARD_REVIEW_MODEL;
    const before = fake.requests.length;
    const base = { ms: 1, metrics: {} };
    expect(await withReview(ds, base)).toBe(base);
    expect(fake.requests.length).toBe(before);
  });
});
