import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalations, effects } from '../../../db/schema/index.ts';
import { decisionsFor } from '../../../db/repositories/decisions.ts';
import { reviewCallsFor, tokensSpentSince } from '../../../db/repositories/review-calls.ts';
import { normalizeText } from '../../../policies/detect/normalize.ts';
import { detectPii } from '../../../policies/detect/pii/index.ts';
import { createLogger } from '../../../worker/logger.ts';
import { utcDayStart } from '../../../worker/review/budget.ts';
import { requestReview } from '../../../worker/review/enqueue-review.ts';
import { FakeOpenAi, NO_CONCERN, userPayload } from '../../fakes/openai/fake-openai.ts';
import { scanKeys } from '../../support/services.ts';
import { type Harness, startHarness, testConfig } from '../../support/ward-harness.ts';
import { ReviewWatcher } from './support.ts';

const SUICIDE_OPINION = {
  ...NO_CONCERN,
  crisis_type: 'suicide_risk',
  confidence: 0.86,
  rationale: 'Hopelessness that may hide suicidal thoughts.',
};
const reviewOn = (patch: Record<string, unknown> = {}) => testConfig({ review: { enabled: true, ...patch } });

describe('language-model review in the pipeline (real Redis + Postgres, loopback OpenAI)', () => {
  const fake = new FakeOpenAi();
  let h: Harness;
  let watch: ReviewWatcher;
  beforeAll(async () => {
    const baseURL = await fake.start();
    h = await startHarness('postgres', {
      config: reviewOn(),
      review: {
        baseURL,
        apiKey: 'sk-test',
        model: 'test-model',
        moderationModel: 'test-moderation',
        timeoutMs: 5_000,
        concurrency: 1,
      },
    });
    watch = new ReviewWatcher(h.runtime);
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('sends an uncertain message and applies the opinion as an escalation', async () => {
    fake.chat = () => ({ kind: 'json', value: SUICIDE_OPINION });
    const before = fake.calls('chat/completions').length;
    const id = await watch.send("I can't do this anymore, no one cares");
    const summary = await watch.summaryOf(id);
    expect(summary).toMatchObject({
      outcome: 'opinion',
      applied: 'escalation_created',
      codes: ['crisis.suicide_risk'],
    });
    expect(fake.calls('chat/completions').length).toBe(before + 1);

    const db = h.runtime.database.db;
    const [esc] = await db.select().from(escalations).where(eq(escalations.messageId, id));
    expect(esc).toMatchObject({
      kind: 'second_opinion',
      priority: 'urgent',
      specialty: 'psychiatry',
      findingCodes: ['review.crisis.suicide_risk'],
    });
    expect(esc?.reasons).toEqual([
      'second opinion: crisis.suicide_risk — Hopelessness that may hide suicidal thoughts.',
    ]);
    await h.delivery.waitUntil((all) =>
      all.some((e) => e.kind === 'post_card' && e.card.escalationId === esc?.id),
    );

    // The rule decision itself is untouched; the call is recorded with tokens and no text.
    expect((await decisionsFor(db, id)).map((d) => d.verdict)).toEqual(['allow', 'allow']);
    const calls = await reviewCallsFor(db, id);
    expect(calls.map((c) => c.endpoint).sort()).toEqual(['chat', 'moderation']);
    const call = calls.find((c) => c.endpoint === 'chat');
    expect(call).toMatchObject({
      trigger: 'uncertain',
      endpoint: 'chat',
      model: 'test-model',
      outcome: 'opinion',
      applied: 'escalation_created',
      opinionCodes: ['crisis.suicide_risk'],
    });
    expect(call!.totalTokens).toBeGreaterThan(0);
  });

  it('does not send messages the rules are confident about', async () => {
    const before = fake.requests.length;
    const neutral = await watch.send('What a lovely sunny day for a walk');
    const crisis = await watch.send('I want to kill myself tonight');
    for (const id of [neutral, crisis])
      expect(await h.runtime.queues.review.getJob(`review-${id}`)).toBeUndefined();
    expect(fake.requests.length).toBe(before);
  });

  it('never lets a detected identifier reach the request body, nor any text reach Redis or logs', async () => {
    fake.chat = () => ({ kind: 'json', value: NO_CONCERN });
    const text =
      "Quokkazebra here. I can't cope anymore. Mail me at jan.devries@example.nl or ring 06 12 34 56 78, my BSN is 111222333.";
    const spans = detectPii(normalizeText(text), { locale: 'nl-NL' }).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(expect.arrayContaining(['jan.devries@example.nl', '06 12 34 56 78', '111222333']));
    const id = await watch.send(text, { channelId: 'clin' });
    expect((await watch.summaryOf(id)).outcome).toBe('opinion');
    const sent = fake.calls('chat/completions').at(-1)!;
    expect(userPayload(sent).message).toContain('[EMAIL]');
    for (const s of spans) expect(sent.rawBody).not.toContain(s);
    expect(sent.rawBody).not.toContain('111222333');

    const dump: string[] = [];
    for (const key of await scanKeys(h.redis, `${h.prefix}:*`)) {
      dump.push(key);
      const type = await h.redis.type(key);
      if (type === 'string') dump.push((await h.redis.get(key)) ?? '');
      if (type === 'hash') dump.push(JSON.stringify(await h.redis.hgetall(key)));
    }
    expect(dump.some((k) => k.includes(':review-cache:'))).toBe(true);
    expect(dump.join('\n')).not.toContain('Quokkazebra');
    expect(h.logs.join('\n')).not.toContain('Quokkazebra');
    expect(JSON.stringify(await reviewCallsFor(h.runtime.database.db, id))).not.toContain('Quokkazebra');
  });

  it('reuses a cached opinion for the same redacted text', async () => {
    fake.chat = () => ({ kind: 'json', value: { ...NO_CONCERN, rationale: 'Sounds exhausted.' } });
    const text = 'ik kan het echt niet meer aan allemaal';
    const first = await watch.send(text, { author: { id: 'u-cache-1', roles: [] } });
    expect((await watch.summaryOf(first)).outcome).toBe('opinion');
    const calls = fake.calls('chat/completions').length;
    const second = await watch.send(text, { author: { id: 'u-cache-2', roles: [] } });
    expect((await watch.summaryOf(second)).outcome).toBe('cached');
    expect(fake.calls('chat/completions').length).toBe(calls);
    expect((await reviewCallsFor(h.runtime.database.db, second))[0]).toMatchObject({
      outcome: 'cached',
      totalTokens: 0,
    });
  });

  it('answers a moderator request without ever lowering a crisis decision', async () => {
    fake.chat = () => ({
      kind: 'json',
      value: { ...NO_CONCERN, confidence: 0.99, rationale: 'Probably a joke.' },
    });
    const id = await watch.send('I am going to end my life tonight, I have the pills ready', {
      author: { id: 'u-crisis', roles: [] },
    });
    const db = h.runtime.database.db;
    const before = await db.select().from(escalations).where(eq(escalations.messageId, id));
    expect(before[0]?.priority).toBe('urgent');
    const deps = {
      queues: h.runtime.queues,
      community: h.runtime.community,
      log: createLogger('silent'),
      reviewEnabled: true,
    };
    expect(await requestReview(deps, id)).toBe('queued');
    expect(await watch.summaryOf(id)).toMatchObject({ outcome: 'opinion', applied: 'none' });
    const after = await db.select().from(escalations).where(eq(escalations.messageId, id));
    expect(after.map((e) => [e.priority, e.reasons, e.status])).toEqual(
      before.map((e) => [e.priority, e.reasons, e.status]),
    );
    expect((await reviewCallsFor(db, id)).every((c) => c.trigger === 'moderator')).toBe(true);
  });

  it('uses the moderation endpoint as an extra signal', async () => {
    fake.chat = () => ({ kind: 'json', value: NO_CONCERN });
    fake.moderation = () => ({ kind: 'scores', scores: { 'self-harm/intent': 0.95, harassment: 0.01 } });
    const id = await watch.send('Everything is pointless and I keep thinking about self-harm', {
      author: { id: 'u-mod', roles: [] },
    });
    expect(await watch.summaryOf(id)).toMatchObject({
      outcome: 'opinion',
      applied: 'escalation_created',
      codes: ['crisis.self_harm'],
    });
    fake.moderation = () => ({ kind: 'scores', scores: {} });
    const [esc] = await h.runtime.database.db.select().from(escalations).where(eq(escalations.messageId, id));
    expect(esc?.reasons).toEqual([
      'second opinion: crisis.self_harm — flagged by the provider’s moderation endpoint',
    ]);
    const mod = (await reviewCallsFor(h.runtime.database.db, id)).find((c) => c.endpoint === 'moderation');
    expect(mod).toMatchObject({
      model: 'test-moderation',
      outcome: 'opinion',
      opinionCodes: ['crisis.self_harm'],
    });
  });

  it('stops calling when the daily budget is used up and alerts moderators once', async () => {
    fake.chat = () => ({ kind: 'json', value: NO_CONCERN });
    const db = h.runtime.database.db;
    const spent = await tokensSpentSince(db, 'test', utcDayStart(new Date()));
    h.runtime.community.replace(reviewOn({ daily_token_budget: spent + 1 }));
    const calls = fake.calls('chat/completions').length;
    const ids = [];
    for (const text of ['no one cares about me anymore', "I'm not okay today", "I can't take this anymore"]) {
      ids.push(await watch.send(text, { author: { id: `u-budget-${ids.length}`, roles: [] } }));
      await watch.summaryOf(ids.at(-1)!);
    }
    const outcomes = await Promise.all(ids.map(async (id) => (await watch.summaryOf(id)).outcome));
    expect(outcomes).toEqual(['opinion', 'budget_exhausted', 'budget_exhausted']);
    expect(fake.calls('chat/completions').length).toBe(calls + 1);
    const alerts = (await db.select().from(effects).where(eq(effects.kind, 'alert_moderators'))).filter(
      (e) => (e.payload as { code?: string }).code === 'review_budget_exhausted',
    );
    expect(alerts).toHaveLength(1);
    await h.delivery.waitUntil((all) =>
      all.some((e) => e.kind === 'alert_moderators' && e.text.includes('review budget')),
    );
  });
});

describe('a failing endpoint leaves the rule decision intact', () => {
  const fake = new FakeOpenAi();
  let h: Harness;
  let watch: ReviewWatcher;
  beforeAll(async () => {
    const baseURL = await fake.start();
    h = await startHarness('postgres', {
      config: reviewOn(),
      review: {
        baseURL,
        model: 'test-model',
        timeoutMs: 300,
        concurrency: 1,
        breakerThreshold: 2,
        breakerCooldownMs: 600_000,
      },
    });
    watch = new ReviewWatcher(h.runtime);
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it('times out, then opens the circuit breaker after consecutive failures', async () => {
    const db = h.runtime.database.db;
    fake.chat = () => ({ kind: 'slow', ms: 5_000, reply: { kind: 'json', value: SUICIDE_OPINION } });
    const slow = await watch.send("I can't do this anymore", { author: { id: 'u-a', roles: [] } });
    expect(await watch.summaryOf(slow)).toMatchObject({ outcome: 'timeout', applied: 'none' });

    fake.chat = () => ({ kind: 'status', status: 500 });
    const failing = await watch.send('niemand geeft om me', { author: { id: 'u-b', roles: [] } });
    expect((await watch.summaryOf(failing)).outcome).toBe('error');

    const calls = fake.calls('chat/completions').length;
    fake.chat = () => ({ kind: 'json', value: SUICIDE_OPINION });
    const skipped = await watch.send("I'm not okay", { author: { id: 'u-c', roles: [] } });
    expect((await watch.summaryOf(skipped)).outcome).toBe('circuit_open');
    expect(fake.calls('chat/completions').length).toBe(calls);

    for (const id of [slow, failing, skipped]) {
      expect((await decisionsFor(db, id)).every((d) => d.verdict === 'allow')).toBe(true);
      expect(await db.select().from(escalations).where(eq(escalations.messageId, id))).toEqual([]);
    }
    expect((await reviewCallsFor(db, slow))[0]).toMatchObject({ outcome: 'timeout', errorCode: 'timeout' });
    expect((await reviewCallsFor(db, failing))[0]).toMatchObject({
      outcome: 'error',
      errorCode: 'http_500',
      totalTokens: 0,
    });
  });
});
