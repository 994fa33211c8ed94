import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import { sentenceAround, testCues } from '../safety/match-text.ts';
import raw from './data/harassment.json' with { type: 'json' };
import { findGroupHate } from './shared/group-hate.ts';
import { leetFold } from './shared/leet.ts';
import { compileLexicon, matchAll } from './shared/lexicon.ts';
import { boundaryDecision, zSpaceBehaviours } from './shared/space-behaviour.ts';

/** Private note to the author that their post was held as harassment, with the community rules. */
export const HARASSMENT_HELD_TEMPLATE = 'harassment_held';

const LEX = compileLexicon(raw);
// Context cues are anchored at the end of the text before a match, so they are compiled without the global flag.
const NEGATED = new RegExp(
  Object.values(raw)
    .flatMap((l) => l['negated'] ?? [])
    .join('|'),
  'u',
);

/** Whether a match is quoted, reported, negated or allow-listed (clinical or reclaimed usage). */
function excused(text: string, start: number, end: number): boolean {
  const [s, e] = sentenceAround(text, start, end);
  if (NEGATED.test(text.slice(s, start))) return true;
  return testCues(LEX['allow']!, text, Math.max(s, start - 40), Math.min(e, end + 40));
}

/** Finds insults, slurs, threats and demeaning statements in folded text, also after undoing leet and spacing evasions. */
export function findHarassment(folded: string): { start: number; end: number }[] {
  const hits: { start: number; end: number }[] = [];
  for (const list of ['abuse', 'slur'] as const) {
    for (const m of matchAll(LEX[list], folded)) if (!excused(folded, m.start, m.end)) hits.push(m);
  }
  hits.push(...groupHate(folded, (i) => i));
  if (hits.length > 0) return hits;
  const leet = leetFold(folded);
  if (leet.text === folded) return hits;
  const back = (i: number) => leet.map[Math.min(i, leet.map.length - 1)]!;
  for (const list of ['abuse', 'slur'] as const) {
    for (const m of matchAll(LEX[list], leet.text)) {
      if (excused(leet.text, m.start, m.end)) continue;
      hits.push({ start: back(m.start), end: back(m.end - 1) + 1 });
    }
  }
  hits.push(...groupHate(leet.text, back));
  return hits;
}

/** Group-hate statements, with offsets mapped back through `back`. */
function groupHate(text: string, back: (i: number) => number): { start: number; end: number }[] {
  return findGroupHate(text).map((m) => ({ start: back(m.start), end: back(m.end - 1) + 1 }));
}

const DEFAULT_SPACES = {
  peer_support: 'hold',
  general: 'hold',
  ask_a_clinician: 'hold',
  clinician_only: 'hold',
} as const;

const zSettings = z
  .strictObject({ spaces: zSpaceBehaviours(DEFAULT_SPACES) })
  .default({ spaces: DEFAULT_SPACES });

/** Insults, slurs, threats and hateful content aimed at members or groups (EN + NL, with anti-evasion). */
export const HarassmentPolicy = definePolicy({
  name: 'harassment',
  description:
    'Insults, contempt for illness or bodies, slurs, threats and demeaning group statements are held.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const behaviour = config.spaces[ctx.message.space];
    if (behaviour === 'off') return null;
    const hits = findHarassment(ctx.text.folded);
    const findings = hits.slice(0, 1).map((h) => ({
      code: boundaryCode('harassment'),
      severity: 'high' as const,
      span: ctx.text.toOriginal(h.start, h.end),
    }));
    return boundaryDecision({
      policy: 'harassment',
      behaviour,
      findings,
      template: HARASSMENT_HELD_TEMPLATE,
      reason: boundaryCode('harassment'),
    });
  },
});
