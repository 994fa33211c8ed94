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

  /** The verified-clinician registry entry of a platform user, if any. */
  clinician(platform: Platform, userId: string): CommunityConfig['clinicians'][number] | undefined {
    return this.config.clinicians.find((c) => c.platform === platform && c.id === userId);
  }

  /**
   * Community roles as policies should see them: when the community keeps a clinician registry, the
   * verified_clinician role comes only from it, whatever platform roles claim.
   */
  effectiveRoles(platform: Platform, userId: string, roles: readonly string[]): string[] {
    if (this.config.clinicians.length === 0) return [...roles];
    const out = roles.filter((r) => r !== 'verified_clinician');
    if (this.clinician(platform, userId)) out.push('verified_clinician');
    return out;
  }

  /** The channel entry for a platform channel, if configured. */
  channel(platform: Platform, channelId: string): ChannelConfig | undefined {
    const own = this.channels.get(`${platform}/${channelId}`);
    // A bridge item lives in its target channel: its channel id is `<platform>/<channel id>` (worker/bridges).
    return own ?? (platform === 'bridge' ? this.channels.get(channelId) : undefined);
  }

  private index(): void {
    this.channels = new Map(this.config.channels.map((c) => [`${c.platform}/${c.id}`, c]));
  }
}
