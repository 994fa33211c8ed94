import { describe, expect, it } from 'vitest';
import type { EscalationCard } from '../../../bots/contract.ts';
import { parseActionId, parseRouteOptionValue } from '../../../bots/slack/render-buttons.ts';
import { renderCard } from '../../../bots/slack/render-card.ts';

const base: EscalationCard = {
  escalationId: 'esc-1',
  priority: 'routine',
  status: 'open',
  title: 'Review: boundary.individual_advice',
  redactedExcerpt: 'Mijn BSN is [BSN], mail <mailto:x@y.z|me>',
  reasons: ['boundary.individual_advice', 'pii.BSN'],
  concepts: ['diabetes mellitus type 2'],
  specialty: 'endocrinology',
  evidence: [
    {
      title: 'NHG-Standaard Diabetes | type 2',
      url: 'https://richtlijnen.nhg.org/standaarden/diabetes-mellitus-type-2',
    },
    { title: 'bad', url: 'javascript:alert(1)' },
  ],
  claimedBy: null,
  mention: 'SENDO',
  source: {
    platform: 'slack',
    workspaceId: 'T1',
    channelId: 'CPEER',
    threadId: null,
    platformMessageId: '1.0',
    authorId: 'U1',
  },
  notes: ['author: 2 earlier holds this month'],
  buttons: [
    { id: 'claim', label: 'Claim', style: 'primary', subject: 'esc-1' },
    { id: 'route', label: 'Route', subject: 'esc-1' },
    { id: 'dismiss', label: 'Dismiss', subject: 'esc-1' },
  ],
};

const json = (card: EscalationCard, locale?: string) => JSON.stringify(renderCard(card, locale).blocks);

describe('renderCard', () => {
  it('is pure: the same card renders the same blocks', () => {
    expect(renderCard(base)).toEqual(renderCard(structuredClone(base)));
  });

  it('quotes the redacted excerpt escaped, so member text cannot link or mention', () => {
    const blocks = json(base);
    expect(blocks).toContain('>Mijn BSN is [BSN], mail &lt;mailto:x@y.z|me&gt;');
    expect(blocks).not.toContain('<mailto:');
  });

  it('links only http(s) evidence and mentions the routing group while open', () => {
    const blocks = json(base);
    expect(blocks).toContain(
      '<https://richtlijnen.nhg.org/standaarden/diabetes-mellitus-type-2|NHG-Standaard Diabetes / type 2>',
    );
    expect(blocks).not.toContain('javascript:');
    expect(blocks).toContain('<!subteam^SENDO>');
    expect(json({ ...base, status: 'claimed', claimedBy: 'UMOD' })).not.toContain('<!subteam^SENDO>');
  });

  it('renders buttons with ward: action ids and route as a specialty picker carrying the subject', () => {
    const actions = renderCard(base).blocks.find((b) => b.type === 'actions') as {
      elements: { type: string; action_id: string; value?: string; options?: { value: string }[] }[];
    };
    expect(actions.elements.map((e) => [e.type, e.action_id])).toEqual([
      ['button', 'ward:claim'],
      ['static_select', 'ward:route'],
      ['button', 'ward:dismiss'],
    ]);
    const cardiology = actions.elements[1]!.options!.find((o) => o.value.endsWith('cardiology'))!;
    expect(parseRouteOptionValue(cardiology.value)).toEqual({ subject: 'esc-1', specialty: 'cardiology' });
    expect(actions.elements.map((e) => parseActionId(e.action_id))).toEqual(['claim', 'route', 'dismiss']);
  });

  it('shows the moderator notes (counts, never texts) as context', () => {
    expect(json(base)).toContain('Notes: author: 2 earlier holds this month');
  });

  it('drops the buttons once resolved or dismissed', () => {
    expect(renderCard({ ...base, status: 'resolved' }).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('keeps within Block Kit limits for long input', () => {
    const long = {
      ...base,
      title: 'T'.repeat(500),
      redactedExcerpt: '&'.repeat(5000),
      reasons: Array(50).fill('r'.repeat(300)),
    };
    const { blocks } = renderCard(long);
    const header = blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    for (const b of blocks) {
      const text = (b as { text?: { text: string } }).text?.text;
      if (text) expect(text.length).toBeLessThanOrEqual(3000);
    }
    const excerpt = (blocks[1] as { text: { text: string } }).text.text;
    expect(excerpt).toMatch(/^>(&amp;)+…$/);
  });

  it('writes its own labels in Dutch for a Dutch community', () => {
    expect(json(base, 'nl-NL')).toContain('*Specialisme*');
    expect(json(base, 'en-GB')).toContain('*Specialty*');
    expect(renderCard(base, 'nl-NL').text).toBe('Gewoon: Review: boundary.individual_advice');
  });
});

describe('parseActionId', () => {
  it('reads numbered duplicates and rejects foreign or unknown ids', () => {
    expect(parseActionId('ward:claim:2')).toBe('claim');
    expect(parseActionId('ward:explode')).toBeNull();
    expect(parseActionId('claim')).toBeNull();
  });
});
