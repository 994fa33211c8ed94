import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEscalation } from '../../db/repositories/escalations.ts';
import { sql } from 'drizzle-orm';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';

/** Sends a message that escalates (crisis language) and returns its escalation id. */
let authors = 0;
async function escalate(h: Harness, text: string): Promise<string> {
  // A new author each time: one member's burst would merge into a single escalation.
  const r = await h.runtime.ingest.receive(incoming(text, { author: { id: `author-${++authors}`, roles: [] } }));
  if (r.status !== 'accepted') throw new Error('not accepted');
  await h.runtime.waitForDecision(r.messageId, 10_000);
  const rows = await h.runtime.database.db.execute(sql`select id from escalations where message_id = ${r.messageId}::uuid`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[];
  if (!list[0]) throw new Error('no escalation was opened');
  return list[0].id;
}

const moderator = (id: string) => ({ platform: 'sandbox' as const, workspaceId: 'w1', actor: { id, roles: ['moderator'] } });

describe('moderator workflow', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres', {
      config: testConfig({
        routing: { default: { group: 'all-mods', on_call: 'on-call' }, specialties: { psychiatry: { group: 'psych', on_call: 'psych-on-call' } } },
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
    const r = await h.runtime.ingest.action({ platform: 'sandbox', workspaceId: 'w1', actor: { id: 'nobody', roles: [] }, actionId: 'claim', subject: id });
    expect(r?.status).toBe('refused');
    const audit = await h.runtime.database.db.execute(sql`select action from audit_log where subject_id = ${id} and action = 'action_refused'`);
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
      (all) => all.some((e) => (e.kind === 'update_card' || e.kind === 'post_card') && e.card.escalationId === unclaimed && e.card.mention === 'all-mods'),
      15_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(fired.get(claimed)).not.toBe('repaged');
    expect(h.delivery.effects.some((e) => (e.kind === 'update_card' || e.kind === 'post_card') && e.card.escalationId === claimed && e.card.title.startsWith('STILL'))).toBe(false);
  });

  it('resolves a claimed card, updates it and audits every transition', async () => {
    const id = await escalate(h, 'he hits me every night and I am scared he will kill me');
    expect((await h.runtime.ingest.action({ ...moderator('mod-d'), actionId: 'claim', subject: id }))?.status).toBe('done');
    expect((await h.runtime.ingest.action({ ...moderator('mod-d'), actionId: 'resolve_approve', subject: id }))?.status).toBe('done');
    expect((await getEscalation(h.runtime.database.db, id))?.status).toBe('resolved');
    await h.delivery.waitUntil((all) => all.some((e) => (e.kind === 'update_card' || e.kind === 'post_card') && e.card.escalationId === id && e.card.status === 'resolved'));
    const audit = await h.runtime.database.db.execute(sql`select action from audit_log where subject_id = ${id} order by seq`);
    const actions = (Array.isArray(audit) ? audit : (audit as { rows: { action: string }[] }).rows).map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['claim', 'resolve_approve']);
  });
});
