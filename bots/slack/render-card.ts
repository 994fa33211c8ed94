import type { types } from '@slack/bolt';
import type { EscalationCard } from '../contract.ts';
import { slackLabels } from './labels.ts';
import { escapeAndFit, escapeMrkdwn, quote, truncate } from './mrkdwn.ts';
import { renderActions } from './render-buttons.ts';

/** A Slack message: notification fallback text plus Block Kit blocks. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

function mention(id: string): string {
  if (/^S[A-Z0-9]+$/.test(id)) return `<!subteam^${id}>`;
  if (/^[UW][A-Z0-9]+$/.test(id)) return `<@${id}>`;
  return escapeMrkdwn(id);
}

function link(url: string, title: string): string | null {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return null;
  return `<${url}|${escapeAndFit(title, 200).replace(/\|/g, '/')}>`;
}

/** The fallback text of a card (notifications, screen readers): title and priority, never the excerpt. */
export function cardFallbackText(card: EscalationCard, locale?: string | null): string {
  const l = slackLabels(locale);
  return truncate(`${l.priorities[card.priority]}: ${card.title}`, 300);
}

/**
 * Renders an escalation card as Block Kit. Pure: the same card gives the same blocks.
 * Every piece of member-derived text is escaped so it cannot mention or link anyone.
 */
export function renderCard(card: EscalationCard, locale?: string | null): SlackMessage {
  const l = slackLabels(locale);
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`${card.priority === 'urgent' ? '🚨 ' : ''}${card.title}`, 150),
      },
    },
  ];
  if (card.redactedExcerpt.trim() !== '') {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: quote(escapeAndFit(card.redactedExcerpt, 2900)) },
    });
  }
  const status =
    card.status === 'claimed' && card.claimedBy
      ? `${l.statuses.claimed} (${l.claimedBy} ${mention(card.claimedBy)})`
      : l.statuses[card.status];
  const fields: types.MrkdwnElement[] = [
    { type: 'mrkdwn', text: `*${l.status}*\n${status}` },
    { type: 'mrkdwn', text: `*${l.priority}*\n${l.priorities[card.priority]}` },
  ];
  if (card.specialty)
    fields.push({ type: 'mrkdwn', text: `*${l.specialty}*\n${card.specialty.replace(/_/g, ' ')}` });
  if (card.source) fields.push({ type: 'mrkdwn', text: `*${l.source}*\n<#${card.source.channelId}>` });
  blocks.push({ type: 'section', fields });
  if (card.reasons.length > 0) {
    const list = card.reasons.slice(0, 20).map((r) => `• ${escapeAndFit(r, 200)}`);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${l.reasons}*\n${list.join('\n')}`, 3000) },
    });
  }
  if (card.concepts.length > 0) {
    const text = `${l.concepts}: ${card.concepts
      .slice(0, 30)
      .map((c) => escapeAndFit(c, 80))
      .join(', ')}`;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] });
  }
  if (card.notes.length > 0) {
    const text = card.notes
      .slice(0, 10)
      .map((n) => escapeAndFit(n, 300))
      .join('\n');
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(`${l.notes}: ${text}`, 3000) }],
    });
  }
  const evidence = card.evidence.slice(0, 10).flatMap((e) => link(e.url, e.title) ?? []);
  if (evidence.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${l.evidence}*\n${evidence.join('\n')}` },
    });
  }
  if (card.mention && card.status === 'open') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mention(card.mention) }] });
  }
  const actions =
    card.status === 'open' || card.status === 'claimed' ? renderActions(card.buttons, l.routeTo) : null;
  if (actions) blocks.push(actions);
  return { text: cardFallbackText(card, locale), blocks };
}
