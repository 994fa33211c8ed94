import type { ChannelConfig, CommunityConfig } from '../../policies/core/community-config.ts';

/** A configured channel named by id, `#name`, or a platform mention (`<#C123|name>`, `<#123>`). */
export function resolveChannel(config: CommunityConfig, ref: string): ChannelConfig | undefined {
  const mention = /^<#([^|>]+)(?:\|[^>]*)?>$/.exec(ref.trim());
  const key = mention ? mention[1]! : ref.trim().replace(/^#/, '');
  return (
    config.channels.find((c) => c.platform !== 'bridge' && c.id === key) ??
    config.channels.find((c) => c.platform !== 'bridge' && c.name === key)
  );
}
