import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { EscalationCard } from '../../../bots/contract.ts';
import { renderCard } from '../../../bots/discord/render-card.ts';

const card = (over: Partial<EscalationCard> = {}): EscalationCard => ({
  escalationId: 'esc-9',
  priority: 'routine',
  status: 'open',
  title: 'Advice question for a clinician',
  redactedExcerpt: 'Mag ik mijn [MEDICATION] verdubbelen? Mail me op [EMAIL]',
  reasons: ['boundary.individual_advice'],
  concepts: ['diabetes'],
  specialty: 'endocrinology',
  evidence: [{ title: 'Thuisarts: diabetes type 2', url: 'https://www.thuisarts.nl/diabetes-type-2' }],
  claimedBy: null,
  mention: null,
  source: {
    platform: 'discord',
    workspaceId: '1',
    channelId: '2',
    threadId: '3',
    platformMessageId: '4',
    authorId: '5',
  },
  notes: ['author: 2 earlier escalations'],
  buttons: [
    { id: 'claim', label: 'Claim', style: 'primary', subject: 'esc-9' },
    { id: 'dismiss', label: 'Dismiss', subject: 'esc-9' },
    { id: 'resolve_remove', label: 'Remove', style: 'danger', subject: 'esc-9' },
    { id: 'route', label: 'Route to…', subject: 'esc-9' },
  ],
  ...over,
});

describe('renderCard', () => {
  it('renders the redacted excerpt, findings, evidence and a jump link to the thread message', () => {
    const { embeds } = renderCard(card());
    const embed = embeds![0]!;
    expect(embed.description).toBe('Mag ik mijn [MEDICATION] verdubbelen? Mail me op [EMAIL]');
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({
      Status: 'open',
      Specialty: 'endocrinology',
      Why: '• boundary.individual_advice',
      Context: '• author: 2 earlier escalations',
      Evidence: '[Thuisarts: diabetes type 2](https://www.thuisarts.nl/diabetes-type-2)',
      Message: 'https://discord.com/channels/1/3/4 by <@5>',
    });
    expect(embed.footer?.text).toBe('escalation esc-9');
  });

  it('renders buttons with styles and route as a specialty menu, all carrying ids only', () => {
    const rows = renderCard(card()).components as unknown as { components: Record<string, unknown>[] }[];
    expect(rows[0]!.components.map((c) => [c.type, c.style, c.custom_id])).toEqual([
      [ComponentType.Button, ButtonStyle.Primary, 'ward:claim:esc-9'],
      [ComponentType.Button, ButtonStyle.Secondary, 'ward:dismiss:esc-9'],
      [ComponentType.Button, ButtonStyle.Danger, 'ward:resolve_remove:esc-9'],
    ]);
    const menu = rows[1]!.components[0]!;
    expect(menu).toMatchObject({ type: ComponentType.StringSelect, custom_id: 'ward:route:esc-9' });
    expect((menu.options as { value: string }[]).map((o) => o.value)).toContain('psychiatry');
  });

  it('pings only the routed role, and nobody when none is routed', () => {
    expect(renderCard(card()).allowed_mentions).toEqual({ parse: [], roles: [] });
    const routed = renderCard(card({ mention: '777', priority: 'urgent' }));
    expect(routed.content).toBe('<@&777> Urgent: Advice question for a clinician');
    expect(routed.allowed_mentions).toEqual({ parse: [], roles: ['777'] });
  });

  it('keeps within Discord limits for long excerpts', () => {
    const { embeds } = renderCard(card({ redactedExcerpt: 'x'.repeat(10_000), title: 't'.repeat(1000) }));
    expect(embeds![0]!.description!.length).toBe(4096);
    expect(embeds![0]!.title!.length).toBe(256);
  });
});
