import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { CommunityRole } from '../../policies/core/types.ts';
import { configuredGroupIds, mapSlackRoles, type RolesConfig } from './roles.ts';
import { slackErrorCode } from './web-errors.ts';

/** Keeps the members of the configured Slack user groups, so roles resolve without an API call per message. */
export class SlackRoleDirectory {
  private readonly groups = new Map<string, Set<string>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly roles: RolesConfig,
    private readonly log: Logger,
  ) {}

  /** The community roles of a user, from the last known group membership. */
  rolesOf(userId: string): CommunityRole[] {
    return mapSlackRoles(userId, this.groups, this.roles);
  }

  /** Loads every configured group's members; a group that fails keeps its previous members. */
  async refresh(): Promise<void> {
    for (const groupId of configuredGroupIds(this.roles)) {
      try {
        const res = await this.client.usergroups.users.list({ usergroup: groupId });
        this.groups.set(groupId, new Set(res.users ?? []));
      } catch (err) {
        this.log.warn({ groupId, code: slackErrorCode(err) }, 'slack user group could not be loaded');
      }
    }
  }

  /** Applies a `subteam_members_changed` event. */
  applyChange(groupId: string, added: readonly string[], removed: readonly string[]): void {
    if (!configuredGroupIds(this.roles).includes(groupId)) return;
    const members = this.groups.get(groupId) ?? new Set<string>();
    for (const id of added) members.add(id);
    for (const id of removed) members.delete(id);
    this.groups.set(groupId, members);
  }
}
