import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../../bots/discord/custom-id.ts';

describe('custom_id codec', () => {
  it('round-trips action, subject and optional guild', () => {
    const subject = '3f1c2b7e-9d2a-4e5f-8a1b-2c3d4e5f6a7b';
    expect(decodeCustomId(encodeCustomId({ actionId: 'claim', subject, workspaceId: null }))).toEqual({
      actionId: 'claim',
      subject,
      workspaceId: null,
    });
    const dm = encodeCustomId({ actionId: 'appeal', subject, workspaceId: '123456789012345678' });
    expect(dm.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(dm)).toEqual({ actionId: 'appeal', subject, workspaceId: '123456789012345678' });
  });

  it('rejects foreign, unknown or malformed ids', () => {
    expect(decodeCustomId('other:claim:x')).toBeNull();
    expect(decodeCustomId('ward:delete_everything:x')).toBeNull();
    expect(decodeCustomId('ward:claim:has space')).toBeNull();
    expect(decodeCustomId('ward:toString:x')).toBeNull();
    expect(decodeCustomId('ward:claim')).toBeNull();
  });

  it('refuses to encode text as a subject', () => {
    expect(() =>
      encodeCustomId({ actionId: 'claim', subject: 'call me on 0612345678 please', workspaceId: null }),
    ).toThrow();
  });
});
