import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import { testCues } from '../safety/match-text.ts';
import raw from './data/advice-request.json' with { type: 'json' };
import { HEALTH_TERMS, TREATMENT_TERMS } from './shared/health-terms.ts';
import { compileLexicon, matchAll } from './shared/lexicon.ts';
import { boundaryDecision, firstHitFinding, zSpaceBehaviours } from './shared/space-behaviour.ts';
import { suggestSpecialty } from './shared/specialty.ts';

/** Private reply pointing the author to the ask-a-clinician channel (and an evidence card). */
export const ADVICE_REDIRECT_TEMPLATE = 'advice_redirect';

const LEX = compileLexicon(raw);

/** Finds requests for an individual diagnosis, dose or treatment decision; spans index the normalized text. */
export function findAdviceRequests(folded: string): { start: number; end: number }[] {
  if (!testCues(LEX['question']!, folded)) return [];
  if (!testCues(TREATMENT_TERMS, folded) && !testCues(HEALTH_TERMS, folded)) return [];
  return matchAll(LEX['ask'], folded);
}

const zSettings = z
  .strictObject({
    spaces: zSpaceBehaviours({
      peer_support: 'flag',
      general: 'flag',
      ask_a_clinician: 'route',
      clinician_only: 'off',
    }),
    /** Channel the private reply points to (an id or name the executor can link), if configured. */
    clinician_channel: z.string().min(1).nullable().default(null),
  })
  .default({
    spaces: { peer_support: 'flag', general: 'flag', ask_a_clinician: 'route', clinician_only: 'off' },
    clinician_channel: null,
  });

/** A member asks for an individual diagnosis, dose or treatment decision: redirect in peer spaces, route to a professional. */
export const AdviceRequestPolicy = definePolicy({
  name: 'advice_request',
  description:
    'Requests for individual medical decisions are pointed to a clinician channel or routed to a professional.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const behaviour = config.spaces[ctx.message.space];
    if (behaviour === 'off') return null;
    const folded = ctx.text.folded;
    const hits = findAdviceRequests(folded);
    const findings = firstHitFinding(ctx.text, 'advice_request', 'low', hits);
    return boundaryDecision({
      policy: 'advice_request',
      behaviour,
      findings,
      template: ADVICE_REDIRECT_TEMPLATE,
      reason: boundaryCode('advice_request'),
      specialty: suggestSpecialty(folded),
      resources: config.clinician_channel ? [`channel:${config.clinician_channel}`] : [],
    });
  },
});
