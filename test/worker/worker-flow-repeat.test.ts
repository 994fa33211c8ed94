import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../db/repositories/decisions.ts';
import { effectsFor } from '../../db/repositories/effects.ts';
import {
  closeEscalation,
  type EscalationRow,
  findOpenEscalationOfAuthor,
  getEscalation,
} from '../../db/repositories/escalations.ts';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';
import { onlyPolicies, sendAndDecide } from './worker-flow-support.ts';

const DAY = 86_400_000;
const STRIKES = [
  'DM me about it later',
  'Message me privately about that',
  'Add me on telegram for more tips',
];

// Only private_contact runs, in `notify` mode for peer support: each message alone is flagged (a private note to the
// author) and never escalated, so an escalation can only come from repeat behaviour.
const config = testConfig({
  policies: onlyPolicies(['private_contact'], {
    private_contact: { spaces: { peer_support: 'notify' } },
  }),
});

describe.each(['postgres', 'pglite'] as const)('repeat behaviour on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver, { config });
  });
  afterAll(() => h.close());

  const db = () => h.runtime.database.db;
  const codesOf = async (id: string) => (await findingsFor(db(), id)).map((f) => f.code);
  async function escalationOf(id: string): Promise<EscalationRow | undefined> {
    const card = (await effectsFor(db(), id)).find((e) => e.kind === 'post_card' || e.kind === 'update_card');
    return card?.escalationId ? getEscalation(db(), card.escalationId) : undefined;
  }
  const strike = (author: string, text: string, sentAt: Date, more = {}) =>
    sendAndDecide(h, text, { author: { id: author, roles: [] }, sentAt, ...more });

  it('escalates the third flagged strike within seven days, with a reason the card explains', async () => {
    const now = Date.now();
    const first = await strike('u-three', STRIKES[0]!, new Date(now - 2 * DAY));
    const second = await strike('u-three', STRIKES[1]!, new Date(now - DAY));
    for (const id of [first, second]) {
      expect(await codesOf(id)).toEqual(['boundary.private_contact']);
      expect(await escalationOf(id)).toBeUndefined();
    }
    const third = await strike('u-three', STRIKES[2]!, new Date(now));
    expect(await codesOf(third)).toEqual(
      expect.arrayContaining(['boundary.private_contact', 'repeat.boundary']),
    );
    const escalation = await escalationOf(third);
    expect(escalation?.reasons).toEqual(['repeat.boundary:3/7d']);
    expect(escalation?.findingCodes).toContain('repeat.boundary');
    await h.delivery.waitUntil((all) =>
      all.some((e) => e.kind === 'post_card' && e.card.escalationId === escalation?.id),
    );
    const card = h.delivery.effects.find(
      (e) => e.kind === 'post_card' && e.card.escalationId === escalation?.id,
    );
    expect(card?.kind === 'post_card' && card.card.reasons).toEqual(['3rd boundary strike in 7 days']);
  });

  it('does not escalate three strikes spread over more than the window', async () => {
    const now = Date.now();
    const ids = [
      await strike('u-spread', STRIKES[0]!, new Date(now - 10 * DAY)),
      await strike('u-spread', STRIKES[1]!, new Date(now - 5 * DAY)),
      await strike('u-spread', STRIKES[2]!, new Date(now)),
    ];
    for (const id of ids) {
      expect(await codesOf(id)).toEqual(['boundary.private_contact']);
      expect(await escalationOf(id)).toBeUndefined();
    }
  });

  it('counts a redelivered or edited message once', async () => {
    const now = Date.now();
    const original = incoming(STRIKES[0]!, {
      author: { id: 'u-redo', roles: [] },
      sentAt: new Date(now - 60 * 60_000),
    });
    const first = await h.runtime.ingest.receive(original);
    if (first.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(first.messageId, 15_000);
    expect((await h.runtime.ingest.receive(original)).status).toBe('duplicate');
    const edit = await h.runtime.ingest.receive({
      ...original,
      text: 'DM me about it later, I have more to say',
      edited: true,
      sentAt: new Date(now - 50 * 60_000),
    });
    if (edit.status !== 'accepted') throw new Error('edit not accepted');
    await h.runtime.waitForDecision(edit.messageId, 15_000);
    expect(await codesOf(edit.messageId)).toEqual(['boundary.private_contact']);

    const second = await strike('u-redo', STRIKES[1]!, new Date(now - 30 * 60_000));
    expect(await codesOf(second)).toEqual(['boundary.private_contact']);
    expect(await escalationOf(second)).toBeUndefined();
    const third = await strike('u-redo', STRIKES[2]!, new Date(now));
    expect((await escalationOf(third))?.reasons).toEqual(['repeat.boundary:3/7d']);
  });

  it('leaves out a strike a moderator dismissed, and adds the reason to an escalation that already exists', async () => {
    // In `general` private_contact keeps its default `flag`: every strike already opens (or joins) an escalation.
    const now = Date.now();
    const gen = { channelId: 'gen' };
    const cleared = await strike('u-flag', STRIKES[0]!, new Date(now - 3 * DAY), gen);
    const first = await escalationOf(cleared);
    expect(first?.reasons).toEqual(['boundary.private_contact']);
    await closeEscalation(db(), first!.id, 'sandbox:u-mod', 'dismissed', 'dismissed');
    const second = await strike('u-flag', STRIKES[1]!, new Date(now - 2 * DAY), gen);
    const third = await strike('u-flag', STRIKES[2]!, new Date(now - DAY), gen);
    expect(await codesOf(third)).toEqual(['boundary.private_contact']);
    const fourth = await strike('u-flag', 'DM me and I will explain', new Date(now), gen);
    expect(await codesOf(fourth)).toContain('repeat.boundary');
    // A burst: the second to fourth strikes share one open escalation (the fourth's card is an update of it).
    const open = await findOpenEscalationOfAuthor(db(), 'test', 'u-flag', new Date(now - DAY));
    expect(open?.id).toBe((await escalationOf(second))?.id);
    expect(open?.reasons).toEqual(['boundary.private_contact', 'repeat.boundary:3/7d']);
  });

  it('sees concurrent strikes of one member: exactly one of three sent at once escalates', async () => {
    const now = Date.now();
    const sent = await Promise.all(
      STRIKES.map((text, i) =>
        h.runtime.ingest.receive(
          incoming(text, { author: { id: 'u-burst', roles: [] }, sentAt: new Date(now + i) }),
        ),
      ),
    );
    const ids = sent.map((s) => (s.status === 'accepted' ? s.messageId : ''));
    await Promise.all(ids.map((id) => h.runtime.waitForDecision(id, 15_000)));
    const repeats = [];
    for (const id of ids) if ((await codesOf(id)).includes('repeat.boundary')) repeats.push(id);
    expect(repeats).toHaveLength(1);
    expect((await escalationOf(repeats[0]!))?.reasons).toEqual(['repeat.boundary:3/7d']);
  });
});
