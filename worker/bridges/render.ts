import type { OutboundEffect } from '../../bots/contract.ts';
import { type BridgeSubscriptionRow, itemForMessage, postedRefOf } from '../../db/repositories/bridges.ts';
import { decisionsFor } from '../../db/repositories/decisions.ts';
import type { EffectRow } from '../../db/repositories/effects.ts';
import type { MessageRow } from '../../db/repositories/messages.ts';
import type { RenderDeps } from '../deliver/render-effect.ts';
import { ErrorCode, UnrecoverableWardError } from '../errors.ts';
import { bridgeSettings } from './settings.ts';
import { parseTargetKey } from './target.ts';

const LABELS = {
  en: { source: 'Source', publisher: 'Publisher', on: 'on', removed: 'Removed at the source' },
  nl: { source: 'Bron', publisher: 'Uitgever', on: 'op', removed: 'Verwijderd bij de bron' },
};

function labelsFor(locale: string) {
  return locale.startsWith('nl') ? LABELS.nl : LABELS.en;
}

function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale.startsWith('nl') ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The attribution line(s) under a bridge post: source, date, publisher; a social post's own link. */
export function attribution(
  sub: Pick<BridgeSubscriptionRow, 'kind' | 'source' | 'settings'>,
  author: string,
  date: Date,
  permalink: string | null,
  locale: string,
): string {
  const l = labelsFor(locale);
  const settings = bridgeSettings(sub.settings);
  const who =
    sub.kind === 'mastodon'
      ? `${author} ${l.on} Mastodon (#${sub.source})`
      : sub.kind === 'bluesky'
        ? `${author} ${l.on} Bluesky`
        : author;
  const parts = [`${l.source}: ${who}`, formatDate(date, locale)];
  if (settings.publisher) parts.push(`${l.publisher}: ${settings.publisher.name}`);
  return [`— ${parts.join(' · ')}`, ...(permalink ? [permalink] : [])].join('\n');
}

function permalinkOf(deps: RenderDeps, cipher: Buffer | null): string | null {
  if (!cipher) return null;
  const kept = JSON.parse(deps.cipher.decrypt(cipher)) as { permalink?: string };
  return kept.permalink ?? null;
}

/**
 * Renders `post_message` / `update_message` outbox rows of bridge messages. A held item is never posted (the
 * moderators' card shows its redacted copy); an allowed one is posted as the source gave it, links untouched;
 * a new version of a posted item updates that post; an item removed at the source is marked in its post.
 */
export async function renderBridgeEffect(
  deps: RenderDeps,
  effect: EffectRow,
  message: MessageRow | undefined,
): Promise<OutboundEffect> {
  const target = message ? parseTargetKey(message.platformChannelId) : null;
  if (!message || !target)
    throw new UnrecoverableWardError(ErrorCode.MessageNotFound, `bridge effect ${effect.id} has no message`);
  const first = message.editOf ?? message.id;
  const locale = message.locale ?? deps.community.current.community.locale;
  const where = { platform: target.platform, channelId: target.channelId, workspaceId: message.workspaceId };
  const posted = await postedRefOf(deps.db, first);
  const payload = effect.payload as Record<string, unknown>;
  if (payload.marker === 'deleted_upstream') {
    if (!posted)
      throw new UnrecoverableWardError(ErrorCode.MessageNotFound, `bridge post of ${first} missing`);
    const text = `${labelsFor(locale).removed} (${formatDate(new Date(), locale)}).`;
    return { kind: 'update_message', effectId: effect.id, ...where, platformMessageId: posted, text };
  }
  // Any tier that held the item (crisis included) keeps it out of the channel.
  const held = (await decisionsFor(deps.db, message.id)).some(
    (d) => d.verdict === 'hold' || d.verdict === 'remove',
  );
  if (held) throw new UnrecoverableWardError(ErrorCode.BadInput, `bridge message ${message.id} was held`);
  const found = await itemForMessage(deps.db, [message.id, first]);
  if (!found || !message.textCipher)
    throw new UnrecoverableWardError(ErrorCode.TextPurged, `bridge message ${message.id} has no text`);
  const author = message.authorId.replace(/^bridge:/, '');
  const date = found.item.publishedAt ?? message.sentAt;
  const text = `${deps.cipher.decrypt(message.textCipher)}\n${attribution(found.subscription, author, date, permalinkOf(deps, found.item.textCipher), locale)}`;
  if (message.editOf && posted)
    return { kind: 'update_message', effectId: effect.id, ...where, platformMessageId: posted, text };
  return { kind: 'post_message', effectId: effect.id, ...where, text };
}

/** Alert text for bridge alerts (`bridge_paused`), naming the source and channel but no item content. */
export function bridgeAlertText(
  payload: Record<string, unknown>,
  sub: BridgeSubscriptionRow | undefined,
): string {
  const what = sub
    ? `${sub.kind} ${sub.kind === 'feed' ? sub.source : `#${sub.source}`} → ${sub.targetChannelId}`
    : 'a bridge';
  return `The bridge ${what} failed ${String(payload.failures ?? '')} times in a row (${String(payload.errorCode ?? 'error')}) and is paused. Resume it with /ward bridge resume ${sub?.id ?? ''} once the source works again.`;
}
