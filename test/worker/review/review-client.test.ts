import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StandardReviewClient } from '../../../worker/review/review-client.ts';
import type { ReviewRequest } from '../../../worker/review/prompt.ts';
import { FakeOpenAi, NO_CONCERN, userPayload } from '../../fakes/openai/fake-openai.ts';

const req: ReviewRequest = {
  text: 'everything feels pointless [NAME]',
  space: 'peer_support',
  locale: 'en-GB',
  ruleCodes: [],
  categories: ['crisis', 'boundary', 'misinformation'],
};

describe('StandardReviewClient against a loopback OpenAI-compatible server', () => {
  const fake = new FakeOpenAi();
  let client: StandardReviewClient;
  beforeAll(async () => {
    const baseURL = await fake.start();
    client = new StandardReviewClient({
      baseURL,
      apiKey: 'sk-test',
      model: 'test-model',
      moderationModel: 'test-moderation',
      timeoutMs: 500,
      concurrency: 1,
    });
  });
  afterAll(() => fake.close());

  it('asks for the opinion schema and reads a valid answer with its token usage', async () => {
    fake.chat = () => ({
      kind: 'json',
      value: { ...NO_CONCERN, crisis_type: 'suicide_risk', confidence: 0.85 },
    });
    const r = await client.review(req);
    expect(r.outcome).toBe('opinion');
    expect(r.opinion?.crisis_type).toBe('suicide_risk');
    expect(r.usage.total).toBeGreaterThan(0);
    expect(r.usage.total).toBe(r.usage.prompt + r.usage.completion);
    const sent = fake.calls('chat/completions').at(-1)!;
    expect(sent.authorization).toBe('Bearer sk-test');
    expect(sent.body.model).toBe('test-model');
    expect((sent.body.response_format as { type: string }).type).toBe('json_schema');
    expect(userPayload(sent).message).toBe(req.text);
  });

  it('treats invalid, truncated and refused answers as no opinion', async () => {
    fake.chat = () => ({ kind: 'content', content: 'Sure! The message looks fine.' });
    expect((await client.review(req)).outcome).toBe('invalid');
    fake.chat = () => ({
      kind: 'content',
      content: '{"crisis_type": "none", "bound',
      finishReason: 'length',
    });
    expect((await client.review(req)).outcome).toBe('invalid');
    fake.chat = () => ({ kind: 'refusal', refusal: 'I cannot help with that.' });
    const refused = await client.review(req);
    expect(refused.outcome).toBe('refused');
    expect(refused.opinion).toBeNull();
  });

  it('reports 429, 500 and slow answers as failures with codes only', async () => {
    fake.chat = () => ({ kind: 'status', status: 429 });
    expect(await client.review(req)).toMatchObject({
      outcome: 'rate_limited',
      errorCode: 'http_429',
      opinion: null,
    });
    fake.chat = () => ({ kind: 'status', status: 500 });
    expect(await client.review(req)).toMatchObject({ outcome: 'error', errorCode: 'http_500' });
    fake.chat = () => ({ kind: 'slow', ms: 5000, reply: { kind: 'json', value: NO_CONCERN } });
    const slow = await client.review(req);
    expect(slow).toMatchObject({ outcome: 'timeout', errorCode: 'timeout' });
    expect(slow.usage.prompt).toBeGreaterThan(0);
  });

  it('maps the moderation endpoint to Ward codes', async () => {
    fake.moderation = () => ({
      kind: 'scores',
      scores: { 'self-harm/intent': 0.91, 'self-harm': 0.6, harassment: 0.02, sexual: 0.8 },
    });
    const m = await client.moderate('text');
    expect(m.outcome).toBe('opinion');
    expect(m.flagged).toContainEqual({ code: 'crisis.self_harm', score: 0.91 });
    expect(m.flagged.find((f) => f.code === 'boundary.harassment')?.score).toBe(0.02);
    expect(m.flagged.some((f) => f.code.includes('sexual'))).toBe(false);
    fake.moderation = () => ({ kind: 'status', status: 500 });
    expect((await client.moderate('text')).outcome).toBe('error');
  });
});
