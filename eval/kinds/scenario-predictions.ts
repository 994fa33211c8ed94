import { CRISIS_TYPES } from '../../policies/core/finding-codes.ts';
import type { MergedDecision } from '../../policies/core/merge-decisions.ts';
import type { ConceptMention } from '../../policies/core/types.ts';
import { piiTypeOfCode } from '../mappings/pii-types.ts';
import type { Span } from '../score-spans.ts';

/** What Ward's merged decision says about a scenario message, in the suite's label terms. */
export interface ScenarioPrediction {
  pii: Span[];
  disclosure: Set<string>;
  /** The most pressing crisis type found, or `none`. */
  crisis: string;
  boundary: Set<string>;
  concepts: ConceptMention[];
  specialty: string | null;
  escalate: 'none' | 'routine' | 'urgent';
}

/** Maps a merged decision to scenario labels (the mapping eval/README.md documents). */
export function predictionOf(decision: MergedDecision): ScenarioPrediction {
  const pii: Span[] = [];
  const disclosure = new Set<string>();
  const crises = new Set<string>();
  const boundary = new Set<string>();
  for (const f of decision.findings) {
    const piiType = piiTypeOfCode(f.code);
    if (piiType && f.span) pii.push({ start: f.span[0], end: f.span[1], type: piiType });
    else if (f.code.startsWith('disclosure.')) disclosure.add(f.code.slice('disclosure.'.length));
    else if (f.code.startsWith('crisis.')) crises.add(f.code.slice('crisis.'.length));
    else if (f.code.startsWith('boundary.')) boundary.add(f.code.slice('boundary.'.length));
  }
  const concepts: ConceptMention[] = [];
  let specialty: string | null = null;
  let escalate: ScenarioPrediction['escalate'] = 'none';
  for (const a of decision.actions) {
    if (a.kind === 'tag') concepts.push(...a.concepts);
    if (a.kind === 'escalate') {
      escalate = a.priority;
      specialty = a.specialty ?? null;
    }
  }
  const crisis = CRISIS_TYPES.find((t) => crises.has(t)) ?? 'none';
  return { pii, disclosure, crisis, boundary, concepts, specialty, escalate };
}
