import type { Platform } from '../../policies/core/types.ts';

/**
 * A bridge message lives in its target channel: its channel id is `<platform>/<channel id>` of that channel, so
 * the channel's space and policy settings apply and effects can be relayed there.
 */
export function targetKeyOf(platform: string, channelId: string): string {
  return `${platform}/${channelId}`;
}

/** The platform and channel of a target key; null when it is not one. */
export function parseTargetKey(key: string): { platform: Platform; channelId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0) return null;
  const platform = key.slice(0, slash);
  if (platform !== 'slack' && platform !== 'discord' && platform !== 'sandbox') return null;
  return { platform, channelId: key.slice(slash + 1) };
}
