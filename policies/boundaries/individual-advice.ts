import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import { sentenceAround, testCues } from '../safety/match-text.ts';
import raw from './data/individual-advice.json' with { type: 'json' };
import { findMisinformation } from './misinformation.ts';
import { TREATMENT_TERMS } from './shared/health-terms.ts';
import { compileLexicon, matchAll } from './shared/lexicon.ts';
import { boundaryDecision, firstHitFinding, hasRole, zSpaceBehaviours } from './shared/space-behaviour.ts';
import { suggestSpecialty } from './shared/specialty.ts';

/** Private note to the author that their treatment advice was held for a professional to look at. */
export const INDIVIDUAL_ADVICE_HELD_TEMPLATE = 'individual_advice_held';

const LEX = compileLexicon(raw);

/** Finds directives to start, stop or change a treatment or dose, in sentences that name a treatment and are not questions. */
export function findIndividualAdvice(folded: string): { start: number; end: number }[] {
  if (testCues(LEX['safe']!, folded)) return [];
  return matchAll(LEX['directive'], folded).filter((m) => {
    const [s, e] = sentenceAround(folded, m.start, m.end);
    const sentence = folded.slice(s, Math.min(folded.length, e + 1));
    if (sentence.trimEnd().endsWith('?')) return false;
    // The treatment may be named in the next sentence ("Just do it. Your insulin …"), so look a little further.
    return testCues(TREATMENT_TERMS, folded, s, Math.min(folded.length, e + 80));
  });
}

const DEFAULT_SPACES = {
  peer_support: 'hold',
  general: 'hold',
  ask_a_clinician: 'hold',
  clinician_only: 'off',
} as const;

const zSettings = z
  .strictObject({
    spaces: zSpaceBehaviours(DEFAULT_SPACES),
    /** Roles allowed to give individual treatment advice. */
    exempt_roles: z.array(z.string()).default(['verified_clinician']),
  })
  .default({ spaces: DEFAULT_SPACES, exempt_roles: ['verified_clinician'] });

/** A non-clinician tells someone to start, stop or change a treatment or dose: hold in public spaces, routine escalation. */
export const IndividualAdvicePolicy = definePolicy({
  name: 'individual_advice',
  description:
    'Individual treatment or dose advice from members who are not verified clinicians is held for a professional.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const behaviour = config.spaces[ctx.message.space];
    if (behaviour === 'off' || hasRole(ctx.message.author.roles, config.exempt_roles)) return null;
    const folded = ctx.text.folded;
    const hits = findIndividualAdvice(folded);
    // A general exhortation that repeats a known harmful claim is misinformation, not advice to one person.
    if (
      hits.length === 0 ||
      ctx.memo('boundaries.misinformation', () => findMisinformation(folded)).length > 0
    )
      return null;
    const findings = firstHitFinding(ctx.text, 'individual_advice', 'medium', hits);
    return boundaryDecision({
      policy: 'individual_advice',
      behaviour,
      findings,
      template: INDIVIDUAL_ADVICE_HELD_TEMPLATE,
      reason: boundaryCode('individual_advice'),
      specialty: suggestSpecialty(folded),
    });
  },
});
