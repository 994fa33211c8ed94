import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsFor, findingsFor } from '../../db/repositories/decisions.ts';
import { getMessage } from '../../db/repositories/messages.ts';
import { type Harness, incoming, startHarness } from '../support/ward-harness.ts';

describe('bad input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres');
  });
  afterAll(() => h.close());

  it('rejects a malformed event with a coded error naming fields, not values', async () => {
    const bad = {
      ...incoming('secret words here'),
      platformMessageId: '',
      sentAt: 'yesterday',
    } as unknown as Parameters<typeof h.runtime.ingest.receive>[0];
    const err = await h.runtime.ingest.receive(bad).catch((e: unknown) => e as Error & { code?: string });
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBe('bad_input');
    expect((err as Error).message).toContain('platformMessageId');
    expect((err as Error).message).not.toContain('secret words');
  });

  it('ignores messages from channels that are not configured', async () => {
    expect(await h.runtime.ingest.receive(incoming('hello', { channelId: 'nowhere' }))).toEqual({
      status: 'ignored',
      reason: 'unknown_channel',
    });
  });

  it('stores an oversized message whole, evaluates a bounded prefix and holds it for a person', async () => {
    const text = `${'word '.repeat(9000)}call 06 12 34 56 78`;
    expect(text.length).toBeGreaterThan(40_000);
    const res = await h.runtime.ingest.receive(incoming(text));
    if (res.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(res.messageId, 20_000);
    const codes = (await findingsFor(h.runtime.database.db, res.messageId)).map((f) => f.code);
    expect(codes).toContain('input.oversized');
    const standard = (await decisionsFor(h.runtime.database.db, res.messageId)).find(
      (d) => d.tier === 'standard',
    );
    expect(standard?.verdict).toBe('hold');
    const stored = await getMessage(h.runtime.database.db, res.messageId);
    expect(h.runtime.cipher.decrypt(stored!.textCipher!)).toHaveLength(text.length);
  });

  it('replaces lone surrogates (invalid UTF-16) and still evaluates', async () => {
    const res = await h.runtime.ingest.receive(
      incoming('broken \uD800 text \uDC00 mail me: a.b@example.com'),
    );
    if (res.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(res.messageId, 10_000);
    const stored = await getMessage(h.runtime.database.db, res.messageId);
    expect(h.runtime.cipher.decrypt(stored!.textCipher!)).toBe(
      'broken \uFFFD text \uFFFD mail me: a.b@example.com',
    );
    expect((await findingsFor(h.runtime.database.db, res.messageId)).map((f) => f.code)).toContain(
      'pii.EMAIL',
    );
  });

  it('ignores empty messages', async () => {
    expect(await h.runtime.ingest.receive(incoming('   '))).toEqual({ status: 'ignored', reason: 'empty' });
  });
});
