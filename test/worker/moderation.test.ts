import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEscalation } from '../../db/repositories/escalations.ts';
import { sql } from 'drizzle-orm';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';

/** Sends a message that escalates (crisis language) and returns its escalation id. */
let authors = 0;
async function escalate(h: Harness, text: string): Promise<string> {
  // A new author each time: one member's burst would merge into a single escalation.
  const r = await h.runtime.ingest.receive(
    incoming(text, { author: { id: `author-${++authors}`, roles: [] } }),
  );
  if (r.status !== 'accepted') throw new Error('not accepted');
  await h.runtime.waitForDecision(r.messageId, 10_000);
  const rows = await h.runtime.database.db.execute(
    sql`select id from escalations where message_id = ${r.messageId}::uuid`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[];
  if (!list[0]) throw new Error('no escalation was opened');
  return list[0].id;
}

const moderator = (id: string) => ({
  platform: 'sandbox' as const,
  workspaceId: 'w1',
  actor: { id, roles: ['moderator'] },
});

describe('moderator workflow', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres', {
      config: testConfig({
        routing: {
          default: { group: 'all-mods', on_call: 'on-call' },
          specialties: { psychiatry: { group: 'psych', on_call: 'psych-on-call' } },
        },
        sla: { urgent_minutes: 0.02, routine_minutes: 0.02 },
      }),
    });
  });
  afterAll(() => h.close());

  it('lets exactly one of two racing moderators claim; the other is told who holds it', async () => {
    const id = await escalate(h, 'I want to kill myself tonight, I have the pills ready');
    const [a, b] = await Promise.all([
      h.runtime.ingest.action({ ...moderator('mod-a'), actionId: 'claim', subject: id }),
      h.runtime.ingest.action({ ...moderator('mod-b'), actionId: 'claim', subject: id }),
    ]);
    const statuses = [a?.status, b?.status].sort();
    expect(statuses).toEqual(['conflict', 'done']);
    const loser = a?.status === 'conflict' ? a : b;
    expect(loser?.notice).toMatch(/sandbox:mod-[ab]/);
  });

  it('refuses a non-moderator and records the refusal', async () => {
    const id = await escalate(h, 'I keep thinking everyone would be better off without me');
    const r = await h.runtime.ingest.action({
      platform: 'sandbox',
      workspaceId: 'w1',
      actor: { id: 'nobody', roles: [] },
      actionId: 'claim',
      subject: id,
    });
    expect(r?.status).toBe('refused');
    const audit = await h.runtime.database.db.execute(
      sql`select action from audit_log where subject_id = ${id} and action = 'action_refused'`,
    );
    expect((Array.isArray(audit) ? audit : (audit as { rows: unknown[] }).rows).length).toBe(1);
    expect((await getEscalation(h.runtime.database.db, id))?.status).toBe('open');
  });

  it('re-pages an unclaimed escalation after the SLA, widened to all moderators, and not a claimed one', async () => {
    const unclaimed = await escalate(h, 'I am going to end my life, I have written goodbye letters');
    const claimed = await escalate(h, 'Tonight I will take all my pills, goodbye everyone');
    await h.runtime.ingest.action({ ...moderator('mod-c'), actionId: 'claim', subject: claimed });
    const fired = new Map<string, string>();
    h.runtime.events.on('sla', (id: string, outcome: string) => fired.set(id, outcome));
    await h.delivery.waitUntil(
      (all) =>
        all.some(
          (e) =>
            (e.kind === 'update_card' || e.kind === 'post_card') &&
            e.card.escalationId === unclaimed &&
            e.card.mention === 'all-mods',
        ),
      15_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(fired.get(claimed)).not.toBe('repaged');
    expect(
      h.delivery.effects.some(
        (e) =>
          (e.kind === 'update_card' || e.kind === 'post_card') &&
          e.card.escalationId === claimed &&
          e.card.title.startsWith('STILL'),
      ),
    ).toBe(false);
  });

  it('refuses a second opinion when no language-model reviewer is configured', async () => {
    const id = await escalate(h, 'I think about killing myself every day now');
    const r = await h.runtime.ingest.action({
      ...moderator('mod-e'),
      actionId: 'second_opinion',
      subject: id,
    });
    expect(r?.status).toBe('refused');
    expect(r?.notice).toMatch(/not enabled/);
  });

  it('resolves a claimed card, updates it and audits every transition', async () => {
    const id = await escalate(h, 'he hits me every night and I am scared he will kill me');
    expect(
      (await h.runtime.ingest.action({ ...moderator('mod-d'), actionId: 'claim', subject: id }))?.status,
    ).toBe('done');
    expect(
      (await h.runtime.ingest.action({ ...moderator('mod-d'), actionId: 'resolve_approve', subject: id }))
        ?.status,
    ).toBe('done');
    expect((await getEscalation(h.runtime.database.db, id))?.status).toBe('resolved');
    await h.delivery.waitUntil((all) =>
      all.some(
        (e) =>
          (e.kind === 'update_card' || e.kind === 'post_card') &&
          e.card.escalationId === id &&
          e.card.status === 'resolved',
      ),
    );
    const audit = await h.runtime.database.db.execute(
      sql`select action from audit_log where subject_id = ${id} order by seq`,
    );
    const actions = (Array.isArray(audit) ? audit : (audit as { rows: { action: string }[] }).rows).map(
      (r) => (r as { action: string }).action,
    );
    expect(actions).toEqual(['claim', 'resolve_approve']);
  });
});

describe('appeals, reports, bursts and verified clinicians', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres', {
      config: testConfig({
        clinicians: [
          {
            platform: 'sandbox',
            id: 'dr-real',
            register: 'BIG',
            number: '19012345601',
            specialty: 'psychiatry',
            attested_by: 'admin',
            attested_on: '2026-11-01',
          },
        ],
      }),
    });
  });
  afterAll(() => h.close());

  it('sends an appeal to a different moderator and restores the message when overturned', async () => {
    const author = { id: 'appealer', roles: [] };
    const r = await h.runtime.ingest.receive(incoming('call me on 06 12 34 56 78', { author }));
    if (r.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(r.messageId, 10_000);
    const appeal = await h.runtime.ingest.action({
      platform: 'sandbox',
      workspaceId: 'w1',
      actor: { id: 'appealer', roles: [] },
      actionId: 'appeal',
      subject: r.messageId,
    });
    expect(appeal?.status).toBe('done');
    const rows = await h.runtime.database.db.execute(
      sql`select id from escalations where kind = 'appeal' and message_id = ${r.messageId}::uuid`,
    );
    const appealId = (
      (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[]
    )[0]!.id;
    expect(
      (await h.runtime.ingest.action({ ...moderator('mod-x'), actionId: 'claim', subject: appealId }))
        ?.status,
    ).toBe('done');
    expect(
      (
        await h.runtime.ingest.action({
          ...moderator('mod-x'),
          actionId: 'resolve_approve',
          subject: appealId,
        })
      )?.status,
    ).toBe('done');
    await h.delivery.waitUntil(
      (all) =>
        all.some((e) => e.kind === 'repost' && e.target.authorId === 'appealer') &&
        all.some(
          (e) => e.kind === 'dm_author' && e.target.authorId === 'appealer' && e.text.includes('overturned'),
        ),
    );
    const told = h.delivery.effects.find(
      (e) => e.kind === 'dm_author' && e.target.authorId === 'appealer' && e.text.includes('overturned'),
    );
    expect(told).toBeDefined();
  });

  it('refuses the deciding moderator on an appeal of their own decision', async () => {
    const r = await h.runtime.ingest.receive(
      incoming('I feel like ending it all tonight', { author: { id: 'second', roles: [] } }),
    );
    if (r.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(r.messageId, 10_000);
    const rows = await h.runtime.database.db.execute(
      sql`select id from escalations where message_id = ${r.messageId}::uuid`,
    );
    const id = ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[])[0]!.id;
    await h.runtime.ingest.action({ ...moderator('mod-decider'), actionId: 'claim', subject: id });
    await h.runtime.ingest.action({ ...moderator('mod-decider'), actionId: 'resolve_remove', subject: id });
    await h.runtime.ingest.action({
      platform: 'sandbox',
      workspaceId: 'w1',
      actor: { id: 'second', roles: [] },
      actionId: 'appeal',
      subject: r.messageId,
    });
    const appeals = await h.runtime.database.db.execute(
      sql`select id from escalations where kind = 'appeal' and message_id = ${r.messageId}::uuid`,
    );
    const appealId = (
      (Array.isArray(appeals) ? appeals : (appeals as { rows: unknown[] }).rows) as { id: string }[]
    )[0]!.id;
    expect(
      (await h.runtime.ingest.action({ ...moderator('mod-decider'), actionId: 'claim', subject: appealId }))
        ?.status,
    ).toBe('refused');
    expect(
      (await h.runtime.ingest.action({ ...moderator('mod-other'), actionId: 'claim', subject: appealId }))
        ?.status,
    ).toBe('done');
  });

  it('turns a member report into an escalation that names the reporter only to moderators', async () => {
    const msg = incoming('a perfectly ordinary sentence', { author: { id: 'reported', roles: [] } });
    const r = await h.runtime.ingest.receive(msg);
    if (r.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(r.messageId, 10_000);
    const res = await h.runtime.ingest.action({
      platform: 'sandbox',
      workspaceId: 'w1',
      actor: { id: 'reporter-1', roles: [] },
      actionId: 'report',
      subject: `peer/${msg.platformMessageId}`,
    });
    expect(res?.status).toBe('done');
    await h.delivery.waitUntil((all) =>
      all.some((e) => e.kind === 'post_card' && e.card.reasons.some((x) => x.includes('reporter-1'))),
    );
    expect(h.delivery.effects.some((e) => e.kind === 'dm_author' && e.target.authorId === 'reported')).toBe(
      false,
    );
  });

  it('merges a burst from one member into one escalation with every reason', async () => {
    const author = { id: 'bursty', roles: [] };
    for (const text of ['call me on 06 12 34 56 78', 'or mail me: bursty@example.org']) {
      const r = await h.runtime.ingest.receive(incoming(text, { author, channelId: 'peer' }));
      if (r.status !== 'accepted') throw new Error('not accepted');
      await h.runtime.waitForDecision(r.messageId, 10_000);
    }
    const rows = await h.runtime.database.db.execute(
      sql`select finding_codes from escalations where author_id = 'bursty'`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      finding_codes: string[];
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.finding_codes).toEqual(expect.arrayContaining(['pii.PHONE', 'pii.EMAIL']));
  });

  it('counts only registered clinicians as verified, whatever platform roles claim', async () => {
    const pretender = await h.runtime.ingest.receive(
      incoming('hello', { author: { id: 'dr-fake', roles: ['verified_clinician'] } }),
    );
    const real = await h.runtime.ingest.receive(
      incoming('hello again', { author: { id: 'dr-real', roles: [] } }),
    );
    if (pretender.status !== 'accepted' || real.status !== 'accepted') throw new Error('not accepted');
    const { getMessage } = await import('../../db/repositories/messages.ts');
    expect((await getMessage(h.runtime.database.db, pretender.messageId))?.authorRoles).not.toContain(
      'verified_clinician',
    );
    expect((await getMessage(h.runtime.database.db, real.messageId))?.authorRoles).toContain(
      'verified_clinician',
    );
  });
});
