import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsFor, findingsFor } from '../../db/repositories/decisions.ts';
import { effectsFor } from '../../db/repositories/effects.ts';
import { getMessage } from '../../db/repositories/messages.ts';
import { type Harness, incoming, startHarness } from '../support/ward-harness.ts';

describe.each(['postgres', 'pglite'] as const)('pipeline on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h.close());

  it('holds a phone number in peer support, redacts it, and delivers the effects', async () => {
    const res = await h.runtime.ingest.receive(incoming('Text me on 06 12 34 56 78 tonight'));
    expect(res.status).toBe('accepted');
    if (res.status !== 'accepted') return;
    await h.runtime.waitForDecision(res.messageId, 10_000);
    const db = h.runtime.database.db;
    const decisions = await decisionsFor(db, res.messageId);
    expect(decisions.map((d) => d.tier).sort()).toEqual(['crisis', 'standard']);
    expect(decisions.find((d) => d.tier === 'standard')?.verdict).toBe('hold');
    const findings = await findingsFor(db, res.messageId);
    expect(findings.map((f) => f.code)).toContain('pii.PHONE');
    const message = await getMessage(db, res.messageId);
    const redacted = h.runtime.cipher.decrypt(message!.redactedCipher!);
    expect(redacted).toContain('[PHONE]');
    expect(redacted).not.toContain('56 78');
    const effects = await effectsFor(db, res.messageId);
    const kinds = effects.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['dm_author', 'remove']));
    expect(kinds.filter((k) => k === 'dm_author')).toHaveLength(1); // one private message, however many policies matched
    await h.delivery.waitUntil(
      (all) =>
        all.filter((e) => 'target' in e && e.target.platformMessageId === message!.platformMessageId)
          .length === 2,
    );
    const dm = h.delivery.effects.find(
      (e) => e.kind === 'dm_author' && e.target.platformMessageId === message!.platformMessageId,
    );
    expect(dm && 'text' in dm ? dm.text : '').toContain('[PHONE]');
    expect(dm && 'text' in dm ? dm.text : '').not.toContain('56 78');
  });

  it('allows an ordinary message and acts on nothing', async () => {
    const res = await h.runtime.ingest.receive(incoming('Lovely walk today, feeling a bit better.'));
    if (res.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(res.messageId, 10_000);
    const decisions = await decisionsFor(h.runtime.database.db, res.messageId);
    expect(decisions.every((d) => d.verdict === 'allow')).toBe(true);
    expect(await effectsFor(h.runtime.database.db, res.messageId)).toEqual([]);
  });

  it('processes a redelivered event once', async () => {
    const msg = incoming('Call me: +44 7700 900372');
    const [a, b] = await Promise.all([h.runtime.ingest.receive(msg), h.runtime.ingest.receive(msg)]);
    const c = await h.runtime.ingest.receive(msg);
    const statuses = [a.status, b.status, c.status].sort();
    expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate']);
    const id = a.status === 'ignored' ? '' : a.messageId;
    await h.runtime.waitForDecision(id, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await decisionsFor(h.runtime.database.db, id)).toHaveLength(2);
    expect((await effectsFor(h.runtime.database.db, id)).filter((e) => e.kind === 'dm_author')).toHaveLength(
      1,
    );
  });

  it('evaluates an edit again as a new version of the same message', async () => {
    const first = incoming('See you at group on Tuesday');
    const a = await h.runtime.ingest.receive(first);
    const b = await h.runtime.ingest.receive({
      ...first,
      text: 'See you Tuesday, mail me at jan.devries@example.nl',
      edited: true,
    });
    if (a.status !== 'accepted' || b.status !== 'accepted') throw new Error('not accepted');
    expect(b.messageId).not.toBe(a.messageId);
    await h.runtime.waitForDecision(b.messageId, 10_000);
    const edit = await getMessage(h.runtime.database.db, b.messageId);
    expect(edit?.editOf).toBe(a.messageId);
    expect((await findingsFor(h.runtime.database.db, b.messageId)).map((f) => f.code)).toContain('pii.EMAIL');
  });
});
