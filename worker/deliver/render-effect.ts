import { MEMBER_TIMEOUT_MAX_MINUTES, type MessageRef, type OutboundEffect } from '../../bots/contract.ts';
import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../db/crypto.ts';
import { decisionsFor } from '../../db/repositories/decisions.ts';
import { type EffectRow, effectsFor } from '../../db/repositories/effects.ts';
import { countEscalationsOfAuthor, getEscalation } from '../../db/repositories/escalations.ts';
import { getMessage, type MessageRow } from '../../db/repositories/messages.ts';
import type { Action, Platform } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import { ErrorCode, UnrecoverableWardError } from '../errors.ts';
import { renderTemplate } from '../templates/render.ts';
import type { TemplateParams } from '../templates/types.ts';
import { getSubscription } from '../../db/repositories/bridges.ts';
import { bridgeAlertText, renderBridgeEffect } from '../bridges/render.ts';
import { timeoutAllowed, timeoutState } from '../moderation/member-timeout.ts';
import { buildCard } from './build-card.ts';
import { editRequestText } from './edit-request.ts';
import { plannedWith } from './hold-pairing.ts';
import { crisisLinesForLocale, evidenceForConcepts } from './resources.ts';

/** What rendering needs. */
export interface RenderDeps {
  db: Db;
  cipher: DataCipher;
  community: CommunityState;
}

/** Turns an outbox row into the platform-neutral effect an adapter delivers, with redacted text only. */
export async function renderEffect(deps: RenderDeps, effect: EffectRow): Promise<OutboundEffect> {
  const config = deps.community.current;
  const message = effect.messageId ? await getMessage(deps.db, effect.messageId) : undefined;
  const payload = effect.payload as Record<string, unknown>;
  const admin = config.community.admin_channel;
  const target = message ? refOf(message) : null;
  const redacted = message?.redactedCipher ? deps.cipher.decrypt(message.redactedCipher) : null;

  switch (effect.kind) {
    case 'remove': {
      const withDm = (await plannedWith(deps.db, effect)).some((e) => e.kind === 'dm_author');
      return {
        kind: 'remove',
        effectId: effect.id,
        target: need(target),
        ...(withDm ? { authorNotified: true } : {}),
      };
    }
    case 'dm_author': {
      const locale = message?.locale ?? config.community.locale;
      const template = String(payload.template ?? 'hold_notice');
      const params = await templateParams(deps, message, redacted, locale, template, payload);
      const buttons = ((payload.buttons as string[] | undefined) ?? []).map((id) => ({
        id: id as 'repost_redacted' | 'appeal',
        label:
          id === 'repost_redacted'
            ? locale.startsWith('nl')
              ? 'Opnieuw plaatsen zonder gegevens'
              : 'Repost without details'
            : locale.startsWith('nl')
              ? 'Bezwaar maken'
              : 'Appeal',
        subject: effect.messageId ?? '',
      }));
      const held = (await plannedWith(deps.db, effect)).some((e) => e.kind === 'remove');
      return {
        kind: 'dm_author',
        effectId: effect.id,
        target: need(target),
        text: renderTemplate(template, locale, params),
        buttons,
        ...(held ? { editRequest: editRequestText(locale) } : {}),
      };
    }
    case 'reply_in_thread': {
      const locale = message?.locale ?? config.community.locale;
      const params = await templateParams(deps, message, redacted, locale, 'evidence_card', payload);
      return {
        kind: 'reply_in_thread',
        effectId: effect.id,
        target: need(target),
        text: renderTemplate('evidence_card', locale, params),
      };
    }
    case 'post_card':
    case 'update_card': {
      const escalation = effect.escalationId ? await getEscalation(deps.db, effect.escalationId) : undefined;
      if (!escalation)
        throw new UnrecoverableWardError(
          ErrorCode.EffectNotFound,
          `escalation of effect ${effect.id} missing`,
        );
      const concepts = message ? await conceptsOf(deps.db, message.id) : [];
      const evidence = evidenceForConcepts(concepts, message?.locale ?? config.community.locale);
      const authorHistory = escalation.authorId
        ? await countEscalationsOfAuthor(
            deps.db,
            escalation.communityId,
            escalation.authorId,
            new Date(Date.now() - 90 * 86_400_000),
          )
        : 0;
      const registry = message
        ? deps.community.clinician(message.platform as Platform, message.authorId)
        : undefined;
      const verified = registry ? { register: registry.register, specialty: registry.specialty } : null;
      const platform = (message?.platform as Platform | undefined) ?? null;
      const timeout =
        message && timeoutAllowed(escalation, platform)
          ? timeoutState(
              escalation,
              platform,
              config.moderation.timeout_minutes,
              await effectsFor(deps.db, message.id),
            )
          : undefined;
      const card = buildCard(escalation, config, {
        redacted,
        concepts,
        evidence,
        source: target,
        repage: payload.repage === true,
        authorHistory,
        verified,
        ...(timeout ? { timeout } : {}),
      });
      if (effect.kind === 'update_card' && escalation.cardMessageId) {
        return {
          kind: 'update_card',
          effectId: effect.id,
          channelId: admin.id,
          workspaceId: String(payload.workspaceId ?? ''),
          platformMessageId: escalation.cardMessageId,
          card,
        };
      }
      return {
        kind: 'post_card',
        effectId: effect.id,
        channelId: admin.id,
        workspaceId: message?.workspaceId ?? '',
        card,
      };
    }
    case 'repost':
      return { kind: 'repost', effectId: effect.id, target: need(target), text: redacted ?? '' };
    case 'timeout_member':
      return renderTimeout(effect, payload, message);
    case 'alert_moderators':
      return {
        kind: 'alert_moderators',
        effectId: effect.id,
        channelId: admin.id,
        workspaceId: message?.workspaceId ?? '',
        text:
          payload.code === 'bridge_paused'
            ? bridgeAlertText(payload, await getSubscription(deps.db, String(payload.subscriptionId)))
            : alertText(String(payload.code ?? 'unknown')),
      };
    case 'post_message':
    case 'update_message':
      return renderBridgeEffect(deps, effect, message);
    default:
      throw new UnrecoverableWardError(ErrorCode.BadInput, `unknown effect kind ${effect.kind}`);
  }
}

// The member comes from the message row (never the payload), so an erasure's pseudonym reaches here too.
function renderTimeout(
  effect: EffectRow,
  payload: Record<string, unknown>,
  message: MessageRow | undefined,
): OutboundEffect {
  const memberId = message?.authorId ?? '';
  const workspaceId = message?.workspaceId ?? '';
  const minutes = Number(payload.minutes);
  if (
    !memberId ||
    !workspaceId ||
    !Number.isInteger(minutes) ||
    minutes < 1 ||
    minutes > MEMBER_TIMEOUT_MAX_MINUTES
  )
    throw new UnrecoverableWardError(ErrorCode.BadInput, `timeout effect ${effect.id} is malformed`);
  return {
    kind: 'timeout_member',
    effectId: effect.id,
    workspaceId,
    memberId,
    durationMinutes: minutes,
    reasonCode: String(payload.reasonCode ?? 'moderator'),
  };
}

function refOf(m: MessageRow): MessageRef {
  return {
    platform: m.platform as Platform,
    workspaceId: m.workspaceId,
    channelId: m.platformChannelId,
    threadId: m.threadId,
    platformMessageId: m.platformMessageId,
    authorId: m.authorId,
  };
}

function need(ref: MessageRef | null): MessageRef {
  if (!ref) throw new UnrecoverableWardError(ErrorCode.MessageNotFound, 'effect has no message');
  return ref;
}

async function conceptsOf(db: Db, messageId: string): Promise<string[]> {
  const out = new Set<string>();
  for (const d of await decisionsFor(db, messageId)) {
    for (const a of d.actions as Action[])
      if (a.kind === 'tag') for (const c of a.concepts) out.add(`${c.concept} (${c.assertion})`);
  }
  return [...out];
}

async function templateParams(
  deps: RenderDeps,
  message: MessageRow | undefined,
  redacted: string | null,
  locale: string,
  template: string,
  payload: Record<string, unknown>,
): Promise<TemplateParams> {
  const config = deps.community.current;
  const channel = message
    ? deps.community.channel(message.platform as Platform, message.platformChannelId)
    : undefined;
  const ask = config.channels.find((c) => c.space === 'ask_a_clinician');
  const concepts = (payload.concepts as string[] | undefined) ?? [];
  return {
    redacted: redacted ?? '',
    channelName: channel?.name ? `#${channel.name}` : 'the channel',
    crisisLines: template === 'crisis_support' ? crisisLinesForLocale(locale) : [],
    resources: concepts.length ? evidenceForConcepts(concepts, locale) : [],
    askChannel: ask?.name ? `#${ask.name}` : null,
  };
}

function alertText(code: string): string {
  const texts: Record<string, string> = {
    platform_permission:
      'Ward lacks a permission it needs in this workspace (for example to remove messages). Please check the bot’s permissions.',
    platform_not_found: 'Ward could not find a message or channel it had to act on.',
    timeout_permission:
      'Ward could not time out a member: it needs the Moderate Members permission, and its role must be above the member’s highest role. Nothing was applied.',
    remove_unsupported:
      'A held message could not be hidden: Ward has no admin token here. The author was asked to edit it.',
    config_invalid:
      'The community configuration file is invalid; Ward keeps running on the last valid version.',
    review_budget_exhausted:
      'Today’s language-model review budget is used up; reviews resume tomorrow. Rule decisions are unaffected.',
  };
  return texts[code] ?? `Ward needs attention (${code}).`;
}
