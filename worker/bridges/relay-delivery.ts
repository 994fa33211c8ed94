import type { DeliveryReceipt, OutboundEffect, PlatformDelivery } from '../../bots/contract.ts';
import type { Platform } from '../../policies/core/types.ts';
import { ErrorCode, UnrecoverableWardError } from '../errors.ts';
import { parseTargetKey } from './target.ts';

/**
 * The delivery of platform `bridge`: bridge messages live in a Slack, Discord or sandbox channel, so their effects
 * are handed to that platform's delivery. A moderator's approval of a held item (`repost`) posts its redacted copy;
 * effects aimed at an author (a source has no inbox) or at a post that was never made do nothing.
 */
export function createBridgeRelay(deliveries: ReadonlyMap<Platform, PlatformDelivery>): PlatformDelivery {
  const to = (platform: Platform): PlatformDelivery => {
    const d = deliveries.get(platform);
    if (!d || platform === 'bridge')
      throw new UnrecoverableWardError(ErrorCode.NoDelivery, `no delivery for bridge target ${platform}`);
    return d;
  };
  return {
    platform: 'bridge',
    async deliver(effect: OutboundEffect): Promise<DeliveryReceipt> {
      switch (effect.kind) {
        case 'post_message':
        case 'update_message':
          return to(effect.platform).deliver(effect);
        case 'repost': {
          const target = parseTargetKey(effect.target.channelId);
          if (!target)
            throw new UnrecoverableWardError(ErrorCode.BadInput, 'repost of a bridge item without target');
          const { effectId, text } = effect;
          const workspaceId = effect.target.workspaceId;
          return to(target.platform).deliver({
            kind: 'post_message',
            effectId,
            ...target,
            workspaceId,
            text,
          });
        }
        case 'post_card':
        case 'update_card':
        case 'alert_moderators':
          throw new UnrecoverableWardError(ErrorCode.NoDelivery, `${effect.kind} is never sent to a bridge`);
        default:
          // remove, dm_author, reply_in_thread: a held item was never posted, and a source has no inbox.
          return {};
      }
    },
  };
}
