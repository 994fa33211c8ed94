import type { ChannelConfig, CommunityConfig } from '../policies/core/community-config.ts';
import type { Platform } from '../policies/core/types.ts';

/** The community config in force, swappable at run time without restarting. */
export class CommunityState {
  private config: CommunityConfig;
  private channels = new Map<string, ChannelConfig>();

  constructor(config: CommunityConfig) {
    this.config = config;
    this.index();
  }

  /** The community's id. */
  get id(): string {
    return this.config.community.id;
  }

  /** The config in force. */
  get current(): CommunityConfig {
    return this.config;
  }

  /** Replaces the config (already validated by the caller). */
  replace(config: CommunityConfig): void {
    this.config = config;
    this.index();
  }

  /** The channel entry for a platform channel, if configured. */
  channel(platform: Platform, channelId: string): ChannelConfig | undefined {
    return this.channels.get(`${platform}/${channelId}`);
  }

  private index(): void {
    this.channels = new Map(this.config.channels.map((c) => [`${c.platform}/${c.id}`, c]));
  }
}
