import type { Specialty } from '../../core/types.ts';
import { compileCues } from '../../detect/cues/cue-set.ts';
import { testCues } from '../../safety/match-text.ts';
import cues from '../data/specialty-cues.json' with { type: 'json' };

const RULES = cues.rules.map((r) => ({
  specialty: r.specialty as Specialty,
  re: compileCues(r.patterns),
}));

/** Suggests the professional specialty for folded text by the labelling guide's ordered rules; general_practice otherwise. */
export function suggestSpecialty(folded: string): Specialty {
  for (const rule of RULES) if (testCues(rule.re, folded)) return rule.specialty;
  return 'general_practice';
}
