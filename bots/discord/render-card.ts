import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIMessageTopLevelComponent,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import { SPECIALTIES } from '../../policies/core/types.ts';
import type { ActionButton, EscalationCard } from '../contract.ts';
import { encodeCustomId } from './custom-id.ts';
import { messageLink } from './message-link.ts';
import { DiscordLimits, truncate } from './text-limits.ts';

const COLOURS: Record<EscalationCard['status'] | 'urgent', number> = {
  urgent: 0xd93025,
  open: 0xf9ab00,
  claimed: 0x1a73e8,
  resolved: 0x188038,
  dismissed: 0x80868b,
};

/** A message body Ward posts or patches: content, embeds, components, and who may be pinged. */
export type RenderedMessage = Pick<
  RESTPostAPIChannelMessageJSONBody,
  'content' | 'embeds' | 'components' | 'allowed_mentions'
>;

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name, value: truncate(value, DiscordLimits.fieldValue), inline };
}

function fieldsOf(card: EscalationCard): APIEmbedField[] {
  const fields = [field('Status', card.status, true), field('Priority', card.priority, true)];
  if (card.specialty) fields.push(field('Specialty', card.specialty.replaceAll('_', ' '), true));
  if (card.claimedBy) fields.push(field('Claimed by', `<@${card.claimedBy}>`, true));
  if (card.reasons.length > 0) fields.push(field('Why', card.reasons.map((r) => `• ${r}`).join('\n')));
  if (card.notes.length > 0) fields.push(field('Context', card.notes.map((n) => `• ${n}`).join('\n')));
  if (card.concepts.length > 0) fields.push(field('Concepts', card.concepts.join(', ')));
  if (card.evidence.length > 0) {
    fields.push(field('Evidence', card.evidence.map((e) => `[${e.title}](${e.url})`).join('\n')));
  }
  if (card.source) {
    const where = card.source.threadId ?? card.source.channelId;
    const link = messageLink(card.source.workspaceId, where, card.source.platformMessageId);
    fields.push(field('Message', `${link} by <@${card.source.authorId}>`));
  }
  return fields;
}

/** Renders buttons as action rows; `route` becomes a specialty select menu, as Discord offers one. */
export function renderButtons(
  buttons: readonly ActionButton[],
  workspaceId: string | null,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const selects: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const plain: APIComponentInMessageActionRow[] = [];
  for (const b of buttons) {
    const custom_id = encodeCustomId({ actionId: b.id, subject: b.subject, workspaceId });
    if (b.id === 'route') {
      const options = SPECIALTIES.map((s) => ({ label: s.replaceAll('_', ' '), value: s }));
      selects.push({
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.StringSelect, custom_id, placeholder: truncate(b.label, 150), options },
        ],
      });
      continue;
    }
    const style =
      b.style === 'danger'
        ? ButtonStyle.Danger
        : b.style === 'primary'
          ? ButtonStyle.Primary
          : ButtonStyle.Secondary;
    plain.push({
      type: ComponentType.Button,
      custom_id,
      style,
      label: truncate(b.label, DiscordLimits.buttonLabel),
    });
  }
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < plain.length; i += DiscordLimits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: plain.slice(i, i + DiscordLimits.buttonsPerRow) });
  }
  return [...rows, ...selects].slice(0, DiscordLimits.rows);
}

/** Renders an escalation card as an embed with buttons; the excerpt is already redacted and only ids are pinged. */
export function renderCard(card: EscalationCard): RenderedMessage {
  const embed: APIEmbed = {
    title: truncate(card.title, DiscordLimits.embedTitle),
    description: truncate(card.redactedExcerpt, DiscordLimits.embedDescription),
    color: card.priority === 'urgent' && card.status === 'open' ? COLOURS.urgent : COLOURS[card.status],
    fields: fieldsOf(card),
    footer: { text: `escalation ${card.escalationId}` },
  };
  const urgent = card.priority === 'urgent' ? 'Urgent: ' : '';
  const mention = card.mention ? `<@&${card.mention}> ` : '';
  const components: APIMessageTopLevelComponent[] = renderButtons(card.buttons, null);
  return {
    content: truncate(`${mention}${urgent}${card.title}`, DiscordLimits.content),
    embeds: [embed],
    components,
    allowed_mentions: { parse: [], roles: card.mention ? [card.mention] : [] },
  };
}
