import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectRow } from '../../db/repositories/effects.ts';
import { effectsFor } from '../../db/repositories/effects.ts';
import type { EscalationRow } from '../../db/repositories/escalations.ts';
import { buildCard } from '../../worker/deliver/build-card.ts';
import { validateConfig } from '../../worker/load-config.ts';
import { timeoutAllowed, timeoutState } from '../../worker/moderation/member-timeout.ts';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';

const row = (over: Partial<EscalationRow> = {}): EscalationRow => ({
  id: 'e1',
  communityId: 'test',
  messageId: 'm1',
  kind: 'policy',
  authorId: 'u1',
  excludedActor: null,
  priority: 'routine',
  specialty: null,
  reasons: ['boundary.harassment'],
  findingCodes: ['boundary.harassment'],
  status: 'open',
  claimedBy: null,
  claimedAt: null,
  resolvedBy: null,
  resolution: null,
  cardPlatform: null,
  cardChannelId: null,
  cardMessageId: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});

const effect = (over: Partial<EffectRow>): EffectRow => ({
  id: 'x1',
  communityId: 'test',
  messageId: 'm1',
  escalationId: 'e1',
  platform: 'discord',
  kind: 'timeout_member',
  payload: { minutes: 60, actor: 'discord:42' },
  priority: 1,
  state: 'pending',
  attempts: 0,
  lastErrorCode: null,
  platformRef: null,
  createdAt: new Date('2026-11-25T10:00:00Z'),
  deliveredAt: null,
  ...over,
});

const ctx = { redacted: 'You are an [insult]', concepts: [], evidence: [], source: null };
const timeoutButton = (card: ReturnType<typeof buildCard>) =>
  card.buttons.find((b) => b.id === 'timeout_member');

describe('adapter gaps: the timeout button on cards (pure)', () => {
  it('is offered for a member boundary finding on Discord only: not on Slack, not for crisis, appeals or reports', () => {
    expect(timeoutAllowed(row(), 'discord')).toBe(true);
    expect(timeoutAllowed(row(), 'slack')).toBe(false);
    expect(timeoutAllowed(row(), 'sandbox')).toBe(false);
    expect(timeoutAllowed(row({ findingCodes: ['crisis.suicide_risk'] }), 'discord')).toBe(false);
    expect(timeoutAllowed(row({ kind: 'appeal' }), 'discord')).toBe(false);
    expect(timeoutAllowed(row({ kind: 'report', findingCodes: ['member_report'] }), 'discord')).toBe(false);
  });

  it('labels the configured duration in the community language, and hides while requested or once applied', () => {
    const config = testConfig();
    const offered = timeoutState(row(), 'discord', config.moderation.timeout_minutes, []);
    const card = buildCard(row(), config, { ...ctx, timeout: offered });
    expect(timeoutButton(card)).toMatchObject({ label: 'Time out 1 h', style: 'danger', subject: 'e1' });

    const dutch = testConfig({
      community: {
        id: 'test',
        name: 'T',
        locale: 'nl-NL',
        admin_channel: { platform: 'sandbox', id: 'mods' },
      },
      moderation: { timeout_minutes: 2880 },
    });
    const nl = timeoutState(row(), 'discord', dutch.moderation.timeout_minutes, []);
    expect(timeoutButton(buildCard(row(), dutch, { ...ctx, timeout: nl }))?.label).toBe('Time-out 2 dagen');

    const requested = timeoutState(row(), 'discord', 60, [effect({ state: 'queued' })]);
    const waiting = buildCard(row(), config, { ...ctx, timeout: requested });
    expect(timeoutButton(waiting)).toBeUndefined();
    expect(waiting.notes.join('\n')).toContain('Timeout requested');

    const delivered = effect({ state: 'delivered', deliveredAt: new Date('2026-11-25T10:00:30Z') });
    const applied = buildCard(row({ status: 'claimed' }), config, {
      ...ctx,
      timeout: timeoutState(row(), 'discord', 60, [delivered]),
    });
    expect(timeoutButton(applied)).toBeUndefined();
    expect(applied.notes.join('\n')).toContain(
      'Timeout applied: the author cannot post for 1 h (until 2026-11-25 11:00 UTC), by discord:42',
    );

    // A failed attempt (e.g. missing permission) offers the button again.
    const failed = timeoutState(row(), 'discord', 60, [effect({ state: 'failed' })]);
    expect(timeoutButton(buildCard(row(), config, { ...ctx, timeout: failed }))).toBeDefined();
    // Closed items offer nothing.
    expect(timeoutButton(buildCard(row({ status: 'resolved' }), config, { ...ctx, timeout: offered }))).toBe(
      undefined,
    );
  });

  it('config: 60 minutes by default, at most 28 days (Discord’s limit)', () => {
    expect(testConfig().moderation.timeout_minutes).toBe(60);
    expect(testConfig({ moderation: { timeout_minutes: 40_320 } }).moderation.timeout_minutes).toBe(40_320);
    expect(() => testConfig({ moderation: { timeout_minutes: 40_321 } })).toThrow(/timeout_minutes/);
    expect(() => testConfig({ moderation: { timeout_minutes: 0 } })).toThrow(/timeout_minutes/);
  });
});

describe('adapter gaps: a timeout press on a Slack member (real Redis + Postgres)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres', {
      config: validateConfig({
        community: { id: 'test', name: 'Test', admin_channel: { platform: 'sandbox', id: 'mods' } },
        channels: [{ platform: 'slack', id: 'CPEER', name: 'peer', space: 'peer_support' }],
      }),
    });
  });
  afterAll(() => h?.close());

  it('is refused: Slack has no timeouts, so neither the card nor the worker offers one', async () => {
    const r = await h.runtime.ingest.receive(
      incoming('You are such a pathetic idiot, nobody cares about you.', {
        platform: 'slack',
        workspaceId: 'T1',
        channelId: 'CPEER',
        author: { id: 'UMEMBER', roles: [] },
      }),
    );
    if (r.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(r.messageId, 20_000);
    await h.delivery.waitUntil((effects) => effects.some((e) => e.kind === 'post_card'), 20_000);
    const card = h.delivery.effects.find((e) => e.kind === 'post_card');
    if (card?.kind !== 'post_card') throw new Error('no card');
    expect(card.card.reasons.join(' ')).toMatch(/Insult/);
    expect(card.card.buttons.map((b) => b.id)).not.toContain('timeout_member');

    const result = await h.runtime.ingest.action({
      platform: 'sandbox',
      workspaceId: 'w1',
      actor: { id: 'mod', roles: ['moderator'] },
      actionId: 'timeout_member',
      subject: card.card.escalationId,
    });
    expect(result).toMatchObject({ status: 'refused', notice: 'A timeout is not available for this item.' });
    expect((await effectsFor(h.runtime.database.db, r.messageId)).map((e) => e.kind)).not.toContain(
      'timeout_member',
    );
    const audited = await h.runtime.database.db.execute(
      sql`select 1 from audit_log where action = 'timeout_member'`,
    );
    expect((Array.isArray(audited) ? audited : (audited as { rows: unknown[] }).rows).length).toBe(0);
  });
});
