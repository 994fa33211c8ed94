import { describe, expect, it } from 'vitest';
import { configuredGroupIds, mapSlackRoles } from '../../../bots/slack/roles.ts';

const roles = {
  moderator: ['SMODS', 'UBOSS', 'discord:1234567890'],
  verified_clinician: ['slack:SDOCS', 'slack:UNURSE'],
};
const groups = new Map([
  ['SMODS', new Set(['UMOD'])],
  ['SDOCS', new Set(['UDOC', 'UMOD'])],
]);

describe('mapSlackRoles', () => {
  it('makes everyone a member', () => {
    expect(mapSlackRoles('USTRANGER', groups, roles)).toEqual(['member']);
    expect(mapSlackRoles('USTRANGER', new Map(), {})).toEqual(['member']);
  });

  it('grants roles by user-group membership and by user id, with or without the slack: prefix', () => {
    expect(mapSlackRoles('UMOD', groups, roles)).toEqual(['member', 'verified_clinician', 'moderator']);
    expect(mapSlackRoles('UDOC', groups, roles)).toEqual(['member', 'verified_clinician']);
    expect(mapSlackRoles('UBOSS', groups, roles)).toEqual(['member', 'moderator']);
    expect(mapSlackRoles('UNURSE', groups, roles)).toEqual(['member', 'verified_clinician']);
  });

  it('ignores ids of other platforms and groups it has no members for', () => {
    expect(mapSlackRoles('1234567890', groups, roles)).toEqual(['member']);
    expect(mapSlackRoles('UDOC', new Map(), roles)).toEqual(['member']);
  });
});

describe('configuredGroupIds', () => {
  it('lists the Slack user groups to look up, not users or other platforms', () => {
    expect(configuredGroupIds(roles)).toEqual(['SDOCS', 'SMODS']);
  });
});
