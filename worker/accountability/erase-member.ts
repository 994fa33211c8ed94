import type { Database } from '../../db/client.ts';
import type { DataCipher } from '../../db/crypto.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { cancelEffectsFor } from '../../db/repositories/effects.ts';
import { eraseMember } from '../../db/repositories/members.ts';
import { pseudonymiseEscalations } from '../../db/repositories/escalations.ts';
import { eraseAuthorText } from '../../db/repositories/messages.ts';

/** What an erasure removed. */
export interface ErasureReport {
  pseudonym: string;
  messages: number;
  cancelledEffects: number;
}

/**
 * Erases a member: originals and redacted copies go, undelivered effects are cancelled, their platform id is
 * replaced by a keyed pseudonym everywhere Ward stored it, and the erasure itself is audited. Decisions and
 * findings (codes and offsets) stay, now pointing at no one.
 */
export async function eraseMemberEverywhere(
  database: Database,
  cipher: DataCipher,
  communityId: string,
  member: { platform: string; id: string },
): Promise<ErasureReport> {
  const pseudonym = `erased-${cipher.mac(`${member.platform}:${member.id}`).slice(0, 16)}`;
  return database.db.transaction(async (tx) => {
    const ids = await eraseAuthorText(tx, { platform: member.platform, authorId: member.id, pseudonym });
    const cancelledEffects = await cancelEffectsFor(tx, ids);
    await eraseMember(tx, { platform: member.platform, platformUserId: member.id, pseudonym });
    await pseudonymiseEscalations(tx, member.id, pseudonym);
    await appendAudit(tx, [
      {
        communityId,
        actor: 'ward:erase',
        action: 'member_erased',
        subjectType: 'member',
        subjectId: pseudonym,
        detail: { messages: ids.length, cancelledEffects },
      },
    ]);
    return { pseudonym, messages: ids.length, cancelledEffects };
  });
}
