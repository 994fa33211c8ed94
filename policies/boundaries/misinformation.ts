import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import { type CueSet, compileCues } from '../detect/cues/cue-set.ts';
import { testCues } from '../safety/match-text.ts';
import claimsFile from './data/misinformation-claims.json' with { type: 'json' };
import { matchAll } from './shared/lexicon.ts';
import { boundaryDecision, zSpaceBehaviours } from './shared/space-behaviour.ts';
import { suggestSpecialty } from './shared/specialty.ts';

/** Private note to the author that their post repeats a claim contrary to the evidence and was held. */
export const MISINFORMATION_HELD_TEMPLATE = 'misinformation_held';

/** Version of the curated claims file. */
export const MISINFORMATION_CLAIMS_VERSION: string = claimsFile.version;

/** A harmful health claim with the evidence resource that answers it. */
export interface HarmfulClaim {
  id: string;
  concept: string;
  summary: string;
  evidence: { url: string; title: string };
}

interface CompiledClaim extends HarmfulClaim {
  all: (CueSet | null)[];
}

const CLAIMS: CompiledClaim[] = claimsFile.claims.map((c) => ({
  ...c,
  all: c.all.map((g) => compileCues(g)),
}));
const REFUTED = compileCues(claimsFile.refuted_by);

/** Every curated claim (without its patterns). */
export function harmfulClaims(): HarmfulClaim[] {
  return CLAIMS.map(({ all: _all, ...c }) => c);
}

/** A claim found in a message, with the span of its first pattern group. */
export interface ClaimMatch {
  claim: HarmfulClaim;
  start: number;
  end: number;
}

/** Finds curated claims in folded text: every pattern group of a claim must match, and the author must not be refuting it. */
export function findMisinformation(folded: string): ClaimMatch[] {
  if (testCues(REFUTED, folded)) return [];
  const found: ClaimMatch[] = [];
  for (const c of CLAIMS) {
    if (!c.all.every((re) => testCues(re, folded))) continue;
    const first = matchAll(c.all[0], folded)[0] ?? { start: 0, end: 0 };
    const { all: _all, ...claim } = c;
    found.push({ claim, start: first.start, end: first.end });
  }
  return found;
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
    /** Claim ids this community does not act on. */
    disabled_claims: z.array(z.string()).default([]),
  })
  .default({ spaces: DEFAULT_SPACES, disabled_claims: [] });

/** Harmful health claims from a curated list: hold, routine escalation with the evidence that answers the claim. */
export const MisinformationPolicy = definePolicy({
  name: 'misinformation',
  description:
    'Curated harmful health claims are held and escalated with the evidence resource that answers them.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const behaviour = config.spaces[ctx.message.space];
    if (behaviour === 'off') return null;
    const folded = ctx.text.folded;
    const matches = ctx
      .memo('boundaries.misinformation', () => findMisinformation(folded))
      .filter((m) => !config.disabled_claims.includes(m.claim.id));
    if (matches.length === 0) return null;
    const findings = matches.map((m) => ({
      code: boundaryCode('misinformation'),
      severity: 'medium' as const,
      span: ctx.text.toOriginal(m.start, m.end),
      detail: `claim=${m.claim.id}@${MISINFORMATION_CLAIMS_VERSION} evidence=${m.claim.evidence.url}`,
    }));
    return boundaryDecision({
      policy: 'misinformation',
      behaviour,
      findings,
      template: MISINFORMATION_HELD_TEMPLATE,
      reason: `${boundaryCode('misinformation')}:${matches.map((m) => m.claim.id).join(',')}`,
      specialty: suggestSpecialty(folded),
      resources: matches.map((m) => m.claim.evidence.url),
      extra: [{ kind: 'link_evidence', concepts: [...new Set(matches.map((m) => m.claim.concept))] }],
    });
  },
});
