import { randomUUID } from 'node:crypto';
import type { DeliveryReceipt, OutboundEffect, PlatformDelivery } from '../contract.ts';

/** A delivered sandbox effect, as shown in the terminal and returned over HTTP. */
export interface SandboxOutput {
  effectId: string;
  kind: OutboundEffect['kind'];
  to: string;
  text: string;
}

/** Delivers effects to the terminal: what Ward would do on a real platform, with redacted text only. */
export class SandboxDelivery implements PlatformDelivery {
  readonly platform = 'sandbox' as const;
  readonly delivered: SandboxOutput[] = [];

  constructor(private readonly print: (line: string) => void) {}

  async deliver(effect: OutboundEffect): Promise<DeliveryReceipt> {
    const out = describe(effect);
    this.delivered.push(out);
    if (this.delivered.length > 1000) this.delivered.shift();
    this.print(`  → ${out.kind} ${out.to}${out.text ? `\n${indent(out.text)}` : ''}`);
    return {
      platformMessageId:
        effect.kind === 'post_card' || effect.kind === 'post_message'
          ? `${effect.kind === 'post_card' ? 'card' : 'post'}-${randomUUID()}`
          : effect.kind === 'update_message'
            ? effect.platformMessageId
            : undefined,
    };
  }
}

function describe(e: OutboundEffect): SandboxOutput {
  switch (e.kind) {
    case 'remove':
      return {
        effectId: e.effectId,
        kind: e.kind,
        to: `#${e.target.channelId}`,
        text: '(message hidden from the channel)',
      };
    case 'dm_author':
      return {
        effectId: e.effectId,
        kind: e.kind,
        to: `@${e.target.authorId}`,
        text: `${e.text}${e.buttons.length ? `\n[${e.buttons.map((b) => b.label).join('] [')}]` : ''}`,
      };
    case 'reply_in_thread':
    case 'repost':
      return { effectId: e.effectId, kind: e.kind, to: `#${e.target.channelId}`, text: e.text };
    case 'post_card':
    case 'update_card': {
      const c = e.card;
      const lines = [
        `${c.title} [${c.status}${c.claimedBy ? ` by ${c.claimedBy}` : ''}]${c.mention ? ` @${c.mention}` : ''}`,
        `"${c.redactedExcerpt}"`,
        ...c.reasons.map((r) => `- ${r}`),
        ...c.notes.map((n) => `  (${n})`),
        c.concepts.length ? `concepts: ${c.concepts.join(', ')}` : '',
        c.specialty ? `suggested specialty: ${c.specialty}` : '',
        ...c.evidence.map((r) => `evidence: ${r.title} ${r.url}`),
        c.buttons.length
          ? `[${c.buttons.map((b) => b.label).join('] [')}]  (escalation ${c.escalationId})`
          : '',
      ].filter(Boolean);
      return { effectId: e.effectId, kind: e.kind, to: `#${e.channelId}`, text: lines.join('\n') };
    }
    case 'alert_moderators':
      return { effectId: e.effectId, kind: e.kind, to: `#${e.channelId}`, text: e.text };
    case 'timeout_member':
      return { effectId: e.effectId, kind: e.kind, to: `@${e.memberId}`, text: `(${e.durationMinutes} min)` };
    case 'post_message':
      return { effectId: e.effectId, kind: e.kind, to: `#${e.channelId}`, text: e.text };
    case 'update_message':
      return {
        effectId: e.effectId,
        kind: e.kind,
        to: `#${e.channelId} (${e.platformMessageId})`,
        text: e.text,
      };
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}
