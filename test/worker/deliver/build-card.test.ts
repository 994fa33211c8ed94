import { describe, expect, it } from 'vitest';
import type { EscalationRow } from '../../../db/repositories/escalations.ts';
import { buildCard } from '../../../worker/deliver/build-card.ts';
import { testConfig } from '../../support/ward-harness.ts';

const row = (over: Partial<EscalationRow> = {}): EscalationRow => ({
  id: 'e1',
  communityId: 'test',
  messageId: 'm1',
  kind: 'policy',
  authorId: 'u1',
  excludedActor: null,
  priority: 'urgent',
  specialty: 'psychiatry',
  reasons: ['crisis.suicide_risk', 'boundary.misinformation:stop_insulin'],
  findingCodes: [],
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
const config = testConfig({
  routing: {
    default: { group: 'all-mods', on_call: 'on-call' },
    specialties: { psychiatry: { group: 'psych', on_call: 'psych-on-call' } },
  },
});
const ctx = { redacted: 'I want to end it, call [PHONE]', concepts: [], evidence: [], source: null };

describe('buildCard', () => {
  it('gives plain-language reasons and pages the specialty’s on-call group for urgent items', () => {
    const card = buildCard(row(), config, ctx);
    expect(card.reasons[0]).toMatch(/suicide risk/);
    expect(card.reasons[1]).toMatch(/health claim .*\(stop insulin\)/);
    expect(card.mention).toBe('psych-on-call');
    expect(card.title).toMatch(/^URGENT/);
    expect(card.buttons.map((b) => b.id)).toEqual(['claim', 'resolve_approve', 'resolve_remove', 'dismiss']);
  });

  it('widens to all moderators on a re-page and says so', () => {
    const card = buildCard(row(), config, { ...ctx, repage: true });
    expect(card.mention).toBe('all-mods');
    expect(card.title).toMatch(/^STILL UNCLAIMED/);
  });

  it('routes routine items to the group, shows history and verification, and has no buttons once closed', () => {
    const card = buildCard(row({ priority: 'routine', status: 'resolved' }), config, {
      ...ctx,
      authorHistory: 3,
      verified: null,
    });
    expect(card.mention).toBe('psych');
    expect(card.buttons).toEqual([]);
    expect(card.notes).toEqual([
      'Author: not a verified clinician',
      "Author's history: 3 escalations in the last 90 days",
    ]);
  });
});
