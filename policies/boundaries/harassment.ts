import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import { sentenceAround, testCues } from '../safety/match-text.ts';
import raw from './data/harassment.json' with { type: 'json' };
import { compileCues } from '../detect/cues/cue-set.ts';
import { findGroupHate, isCounterSpeech } from './shared/group-hate.ts';
import { leetFold } from './shared/leet.ts';
import { spellFold } from './shared/spelling.ts';
import { compileLexicon, matchAll } from './shared/lexicon.ts';
import { boundaryDecision, zSpaceBehaviours } from './shared/space-behaviour.ts';

/** Private note to the author that their post was held as harassment, with the community rules. */
export const HARASSMENT_HELD_TEMPLATE = 'harassment_held';

/** The compiled harassment lexicon (abuse, slur, allow lists, …). */
export const LEX = compileLexicon(
  // Only the lists matched on their own; the group, term and verb lists are fragments of shared/group-hate.ts.
  Object.fromEntries(
    Object.entries(raw).map(([lang, lists]) => [
      lang,
      { abuse: lists.abuse, slur: lists.slur, allow: lists.allow },
    ]),
  ),
);
// Context cues are anchored at the end of the text before a match, so they are compiled without the global flag.
const NEGATED = new RegExp(
  Object.values(raw)
    .flatMap((l) => l['negated'] ?? [])
    .join('|'),
  'u',
);

const SECOND_PERSON = /^(?:you|u|ur|your|you'?re|youre|je|jij|jou|jouw|u)\b/;

/** Whether a match is quoted, reported, negated or allow-listed (clinical or reclaimed usage). */
export function excused(text: string, start: number, end: number): boolean {
  const [s, e] = sentenceAround(text, start, end);
  if (NEGATED.test(text.slice(s, start))) return true;
  // Counter-speech excuses statements about others, not an insult aimed at the reader ("how dare you, you idiot").
  if (!SECOND_PERSON.test(text.slice(start, end)) && isCounterSpeech(text, s, e)) return true;
  return testCues(LEX['allow']!, text, Math.max(s, start - 40), Math.min(e, end + 40));
}

/** One harassment match in folded text, with how sure the rule is that it is harassment. */
export interface HarassmentHit {
  start: number;
  end: number;
  confidence: number;
}

/** Directed insults and threats; identity slurs; gendered slurs aimed at someone; demeaning group statements. */
const CONFIDENCE = { abuse: 0.9, slur: 0.8, gendered: 0.75, group: 0.85 } as const;
// A match found only after undoing leet, spacing or misspelling is a little less certain (folding can create words).
const FOLDED_PENALTY = 0.05;

type Lists = Record<string, string[] | undefined>;
const gendered = `(?:${(Object.values(raw) as Lists[]).flatMap((l) => l['gendered'] ?? []).join('|')})`;
// A gendered slur is harassment when aimed at someone or used as a verdict, not when it merely occurs (lyrics, erotica).
const GENDERED = compileCues([
  `\\b(?:you|ur|u|ya|yer|je|jij|jou)\\s+(?:\\w+\\s+){0,2}${gendered}\\b`,
  `\\b(?:such|what)\\s+an?\\s+(?:\\w+\\s+){0,2}${gendered}\\b`,
  `\\b(?:just|only)\\s+(?:another|a|an)\\s+(?:\\w+\\s+){0,2}${gendered}\\b`,
  `\\b(?:bunch\\s+of|too\\s+many|typical)\\s+(?:\\w+\\s+)?${gendered}\\b`,
  `\\b${gendered}\\s+like\\s+(?:you|her|them)\\b`,
  `\\b(?:stupid|dumb|fat|ugly|dirty|filthy|fucking|effing|lazy|crazy|nasty|vuile|vieze|stomme|domme|kut|wat\\s+een)\\s+${gendered}\\b`,
  `\\b(?:she|he|they)(?:'s|\\s+is|\\s+are|'re)\\s+(?:a|an|such\\s+a|just\\s+a)\\s+(?:\\w+\\s+)?${gendered}\\b`,
  `\\b${gendered}\\s+(?:are|r|think|always|never)\\b`,
  `\\b(?:women|girls|vrouwen)\\s+(?:are|zijn)\\s+(?:all\\s+|allemaal\\s+|just\\s+)?${gendered}\\b`,
]);

function hitsIn(text: string, back: (i: number) => number, penalty: number): HarassmentHit[] {
  const hits: HarassmentHit[] = [];
  const add = (m: { start: number; end: number }, c: number) =>
    hits.push({ start: back(m.start), end: back(m.end - 1) + 1, confidence: c - penalty });
  for (const list of ['abuse', 'slur'] as const) {
    for (const m of matchAll(LEX[list], text)) if (!excused(text, m.start, m.end)) add(m, CONFIDENCE[list]);
  }
  for (const m of matchAll(GENDERED, text)) if (!excused(text, m.start, m.end)) add(m, CONFIDENCE.gendered);
  for (const m of findGroupHate(text)) add(m, CONFIDENCE.group);
  return hits;
}

/** Finds insults, slurs, threats and demeaning statements in folded text, also after undoing leet and spacing evasions. */
export function findHarassment(folded: string): HarassmentHit[] {
  const hits = hitsIn(folded, (i) => i, 0);
  if (hits.length > 0) return hits;
  for (const fold of [leetFold, spellFold]) {
    const evaded = fold(folded);
    if (evaded.text === folded) continue;
    const back = (i: number) => evaded.map[Math.min(i, evaded.map.length - 1)]!;
    const found = hitsIn(evaded.text, back, FOLDED_PENALTY);
    if (found.length > 0) return found;
  }
  return hits;
}

/** The confidence of a message's harassment hits together: the strongest, a little higher when several agree. */
export function harassmentConfidence(hits: readonly HarassmentHit[]): number {
  const best = Math.max(...hits.map((h) => h.confidence));
  return Math.round(Math.min(0.99, best + (hits.length > 1 ? 0.05 : 0)) * 100) / 100;
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
    const strongest = [...hits].sort((a, b) => b.confidence - a.confidence).slice(0, 1);
    const findings = strongest.map((h) => ({
      code: boundaryCode('harassment'),
      severity: 'high' as const,
      span: ctx.text.toOriginal(h.start, h.end),
      confidence: harassmentConfidence(hits),
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
