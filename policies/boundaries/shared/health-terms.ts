import raw from '../data/health-terms.json' with { type: 'json' };
import type { CueSet } from '../../detect/cues/cue-set.ts';
import { compileLexicon } from './lexicon.ts';

const { note: _note, ...langs } = raw;
const compiled = compileLexicon(langs);

/** Words for treatments, medicines (incl. generic-name suffixes), tests and procedures, EN + NL. */
export const TREATMENT_TERMS: CueSet | null = compiled['treatment'] ?? null;
/** Words for symptoms, conditions and care settings, EN + NL. */
export const HEALTH_TERMS: CueSet | null = compiled['health'] ?? null;
