import type { Db } from '../../db/client.ts';
import { type EffectRow, effectsFor } from '../../db/repositories/effects.ts';

/**
 * Effects planned in the same outbox write as `effect` (same message, same transaction time), not cancelled.
 * A hold plans its removal and the author's private message together; this is how either finds the other.
 */
export async function plannedWith(db: Db, effect: EffectRow): Promise<EffectRow[]> {
  if (!effect.messageId) return [];
  const at = effect.createdAt.getTime();
  return (await effectsFor(db, effect.messageId)).filter(
    (e) => e.id !== effect.id && e.state !== 'cancelled' && e.createdAt.getTime() === at,
  );
}
