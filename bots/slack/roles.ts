import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { COMMUNITY_ROLES, type CommunityRole } from '../../policies/core/types.ts';

/** Role → platform ids, as in the community config's `roles` section. */
export type RolesConfig = CommunityConfig['roles'];

/** Who is in which Slack user group (group id → member user ids). */
export type GroupMembers = ReadonlyMap<string, ReadonlySet<string>>;

// Config ids may carry a platform prefix (`slack:S123`) so one community file can list Slack and Discord ids.
function slackId(configId: string): string | null {
  const colon = configId.indexOf(':');
  if (colon === -1) return configId;
  return configId.slice(0, colon) === 'slack' ? configId.slice(colon + 1) : null;
}

/** Slack user ids start with U or W; user group ids with S. */
export function isUserGroupId(id: string): boolean {
  return /^S[A-Z0-9]+$/.test(id);
}

/** The Slack user-group ids the config mentions, so their members can be looked up. */
export function configuredGroupIds(roles: RolesConfig): string[] {
  const ids = new Set<string>();
  for (const role of COMMUNITY_ROLES) {
    for (const raw of roles[role] ?? []) {
      const id = slackId(raw);
      if (id && isUserGroupId(id)) ids.add(id);
    }
  }
  return [...ids].sort();
}

/**
 * The community roles of a Slack user: every user is a `member`; other roles come from the config,
 * by user id or by membership of a listed user group.
 */
export function mapSlackRoles(userId: string, groups: GroupMembers, roles: RolesConfig): CommunityRole[] {
  const out: CommunityRole[] = ['member'];
  for (const role of COMMUNITY_ROLES) {
    if (role === 'member') continue;
    const matched = (roles[role] ?? []).some((raw) => {
      const id = slackId(raw);
      if (id === null) return false;
      return id === userId || (isUserGroupId(id) && (groups.get(id)?.has(userId) ?? false));
    });
    if (matched) out.push(role);
  }
  return out;
}
