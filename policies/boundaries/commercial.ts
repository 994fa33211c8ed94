import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import { sentenceAround, testCues } from '../safety/match-text.ts';
import raw from './data/commercial.json' with { type: 'json' };
import { compileLexicon, matchAll } from './shared/lexicon.ts';
import { boundaryDecision, firstHitFinding, hasRole, zSpaceBehaviours } from './shared/space-behaviour.ts';

/** Private note to the author that promotion is not allowed here and the post was held. */
export const COMMERCIAL_HELD_TEMPLATE = 'commercial_held';

const LEX = compileLexicon(raw);

/** Finds promotion of products, services, courses or clinics, referral/affiliate codes, medicine sales and spam patterns. */
export function findCommercial(folded: string): { start: number; end: number }[] {
  // "Text SHOUT to 85258" is a crisis text line, not a premium-rate keyword.
  return matchAll(LEX['promo'], folded).filter((m) => {
    const [s, e] = sentenceAround(folded, m.start, m.end);
    return !testCues(LEX['safe'], folded, s, e);
  });
}

const DEFAULT_SPACES = {
  peer_support: 'hold',
  general: 'hold',
  ask_a_clinician: 'hold',
  clinician_only: 'flag',
} as const;

const zSettings = z
  .strictObject({
    spaces: zSpaceBehaviours(DEFAULT_SPACES),
    /** Roles whose posts are not checked (moderators announcing events or sponsors). */
    exempt_roles: z.array(z.string()).default(['moderator']),
  })
  .default({ spaces: DEFAULT_SPACES, exempt_roles: ['moderator'] });

/** Selling or promoting products, supplements, services, courses or clinics; referral codes; spam. */
export const CommercialPolicy = definePolicy({
  name: 'commercial',
  description:
    'Promotion, referral or affiliate codes, medicine sales and spam patterns are held for a moderator.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const behaviour = config.spaces[ctx.message.space];
    if (behaviour === 'off' || hasRole(ctx.message.author.roles, config.exempt_roles)) return null;
    const hits = findCommercial(ctx.text.folded);
    const findings = firstHitFinding(ctx.text, 'commercial', 'medium', hits);
    return boundaryDecision({
      policy: 'commercial',
      behaviour,
      findings,
      template: COMMERCIAL_HELD_TEMPLATE,
      reason: boundaryCode('commercial'),
    });
  },
});
