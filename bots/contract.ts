import type { CommunityRole, Platform, Specialty } from '../policies/core/types.ts';

/** A message as an adapter reports it; ingest assigns the id and resolves the channel's space kind. */
export interface IncomingMessage {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  threadId: string | null;
  platformMessageId: string;
  author: { id: string; roles: readonly string[] };
  text: string;
  sentAt: Date;
  /** True when this is an edit of `platformMessageId`; each edit is evaluated again. */
  edited: boolean;
  locale: string | null;
}

/** Identifies a platform message. */
export interface MessageRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  threadId: string | null;
  platformMessageId: string;
  authorId: string;
}

/** What ingest says about an incoming message. */
export type IngestResult =
  | { status: 'accepted'; messageId: string }
  | { status: 'duplicate'; messageId: string }
  | { status: 'ignored'; reason: 'unknown_channel' | 'empty' | 'own_message' };

/** A button a member or moderator can press; `id` is routed back to Ward as an action. */
export interface ActionButton {
  id: ActionId;
  label: string;
  style?: 'primary' | 'danger';
  /** The escalation or effect this button acts on (an id, never text). */
  subject: string;
}

/** Actions Ward's buttons carry. */
export type ActionId =
  | 'claim'
  | 'unclaim'
  | 'resolve_approve'
  | 'resolve_remove'
  | 'dismiss'
  | 'route'
  | 'ask_author'
  | 'repost_redacted'
  | 'appeal'
  /** A member reports a message for review; `subject` is Ward's message id. */
  | 'report'
  /** A moderator asks the optional language model for a second opinion on the card's message. */
  | 'second_opinion'
  /** A moderator times the card's author out (platforms with member timeouts only, see `supportsMemberTimeout`). */
  | 'timeout_member';

// A record over ActionId, so a new action cannot be added to the type without being known here.
const ACTION_IDS: Record<ActionId, true> = {
  claim: true,
  unclaim: true,
  resolve_approve: true,
  resolve_remove: true,
  dismiss: true,
  route: true,
  ask_author: true,
  repost_redacted: true,
  appeal: true,
  report: true,
  second_opinion: true,
  timeout_member: true,
};

/** True when `id` is one of Ward's action ids (adapters read them back from button payloads). */
export function isActionId(id: string): id is ActionId {
  return Object.hasOwn(ACTION_IDS, id);
}

/** A moderator card as data; adapters render it (Block Kit, embeds). Only redacted text appears here. */
export interface EscalationCard {
  escalationId: string;
  priority: 'routine' | 'urgent';
  status: 'open' | 'claimed' | 'resolved' | 'dismissed';
  title: string;
  redactedExcerpt: string;
  reasons: string[];
  concepts: string[];
  specialty: Specialty | null;
  evidence: { title: string; url: string }[];
  claimedBy: string | null;
  /** Group or role to mention (Slack user group id / Discord role id), if routing names one. */
  mention: string | null;
  source: MessageRef | null;
  /** Context for moderators: the author's verification state and case history (counts, never texts). */
  notes: string[];
  buttons: ActionButton[];
}

/** Discord's upper bound on a member timeout (28 days), which is also Ward's. */
export const MEMBER_TIMEOUT_MAX_MINUTES = 28 * 24 * 60;

/** Whether a platform's API can time a member out; Slack has no such call, so Ward never offers it there. */
export function supportsMemberTimeout(platform: Platform): boolean {
  return platform === 'discord';
}

/** An effect rendered for delivery; deliver jobs load it from the outbox by id. */
export type OutboundEffect =
  | {
      kind: 'remove';
      effectId: string;
      target: MessageRef;
      /**
       * A `dm_author` effect planned together with this removal already speaks to the author (and carries an
       * `editRequest`), so an adapter that cannot remove must not send a second private message.
       */
      authorNotified?: boolean;
    }
  | {
      kind: 'dm_author';
      effectId: string;
      target: MessageRef;
      text: string;
      buttons: ActionButton[];
      /**
       * Set when a removal of `target` was planned with this message: a paragraph (in the author's language)
       * asking them to delete or edit it. An adapter that cannot remove the message appends it, followed by a
       * link to the message, so the author gets one private message per hold; adapters that remove ignore it.
       */
      editRequest?: string;
    }
  | { kind: 'reply_in_thread'; effectId: string; target: MessageRef; text: string }
  | { kind: 'repost'; effectId: string; target: MessageRef; text: string }
  | { kind: 'post_card'; effectId: string; channelId: string; workspaceId: string; card: EscalationCard }
  | {
      kind: 'update_card';
      effectId: string;
      channelId: string;
      workspaceId: string;
      platformMessageId: string;
      card: EscalationCard;
    }
  | { kind: 'alert_moderators'; effectId: string; channelId: string; workspaceId: string; text: string }
  /** A bridge item posted into a channel: text already carries its source, date and publisher; links as given. */
  | {
      kind: 'post_message';
      effectId: string;
      /** The target channel's platform (bridge effects are relayed to it). */
      platform: Platform;
      channelId: string;
      workspaceId: string;
      text: string;
    }
  /**
   * A moderator confirmed a timeout of a member: they cannot post or react for `durationMinutes`
   * (at most MEMBER_TIMEOUT_MAX_MINUTES). Ids and a finding code only, never text.
   */
  | {
      kind: 'timeout_member';
      effectId: string;
      workspaceId: string;
      memberId: string;
      durationMinutes: number;
      /** The finding code behind the timeout (e.g. `boundary.harassment`), for the platform's audit log. */
      reasonCode: string;
    }
  /** A posted bridge item changed (edited or removed at its source): replace the post's text. */
  | {
      kind: 'update_message';
      effectId: string;
      platform: Platform;
      channelId: string;
      workspaceId: string;
      platformMessageId: string;
      text: string;
    };

/** What a platform returns after delivering; `platformMessageId` of a posted card is stored for updates. */
export interface DeliveryReceipt {
  platformMessageId?: string;
}

/** The outbound half of an adapter. Throw `PlatformRateLimitedError` to be retried after the given delay. */
export interface PlatformDelivery {
  platform: Platform;
  deliver(effect: OutboundEffect): Promise<DeliveryReceipt>;
}

/** A button press or command from a platform user, forwarded to the moderation queue. */
export interface IncomingAction {
  platform: Platform;
  workspaceId: string;
  actionId: ActionId;
  subject: string;
  actor: { id: string; roles: readonly CommunityRole[] | readonly string[] };
  /** Optional value, e.g. the specialty chosen for `route`. */
  value?: string;
}

/** What Ward answers to a button press; adapters show `notice` privately to the actor when present. */
export interface ActionResult {
  status: 'done' | 'refused' | 'conflict' | 'not_found';
  notice?: string;
}

/** The inbound half of an adapter: persist-and-enqueue only, so platform acks stay fast. */
export interface IngestPort {
  receive(message: IncomingMessage): Promise<IngestResult>;
  deleted(ref: Omit<MessageRef, 'authorId' | 'threadId'>): Promise<void>;
  action(action: IncomingAction): Promise<ActionResult | undefined>;
}
