import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { COMMUNITY_ROLES, type CommunityRole } from '../../policies/core/types.ts';

/**
 * Maps a member's Discord role ids onto community roles using the config's `roles` table.
 * Every guild member is a `member`; order follows COMMUNITY_ROLES so results are stable.
 */
export function mapMemberRoles(
  discordRoleIds: Iterable<string>,
  roles: CommunityConfig['roles'],
): CommunityRole[] {
  const held = new Set(discordRoleIds);
  const table = roles as Partial<Record<CommunityRole, readonly string[]>>;
  return COMMUNITY_ROLES.filter(
    (role) => role === 'member' || (table[role] ?? []).some((platformId) => held.has(platformId)),
  );
}
