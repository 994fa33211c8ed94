import { describe, expect, it } from 'vitest';
import { mapMemberRoles } from '../../../bots/discord/roles.ts';

describe('mapMemberRoles', () => {
  const table = { moderator: ['111', '112'], verified_clinician: ['222'] };

  it('maps configured Discord role ids onto community roles in a stable order', () => {
    expect(mapMemberRoles(['222', '112', '999'], table)).toEqual([
      'member',
      'verified_clinician',
      'moderator',
    ]);
  });

  it('gives every guild member the member role, and nothing for unknown roles', () => {
    expect(mapMemberRoles(['999'], table)).toEqual(['member']);
    expect(mapMemberRoles([], {})).toEqual(['member']);
  });
});
