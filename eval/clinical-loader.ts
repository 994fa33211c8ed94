import type { ConceptMention } from '../policies/core/types.ts';
import type { NormalizedText } from '../policies/detect/normalize.ts';
import { type Loaded, loadExport } from './load-module.ts';

/** The clinical detector's entry point (policies/detect/clinical/index.ts). */
export type DetectConcepts = (text: NormalizedText, lang: string) => readonly ConceptMention[];

/** Loads `detectConcepts`, or says why it is not there. */
export function loadDetectConcepts(): Promise<Loaded<DetectConcepts>> {
  return loadExport<DetectConcepts>('policies/detect/clinical/index.ts', 'detectConcepts');
}

/** The evidence catalog's look-up (policies/evidence): resources for a canonical concept. */
export type EvidenceFor = (concept: string, lang: string) => unknown;

/** Loads `evidenceFor` from policies/evidence/index.ts, else catalog.ts, or says why it is not there. */
export async function loadEvidenceFor(): Promise<Loaded<EvidenceFor>> {
  const first = await loadExport<EvidenceFor>('policies/evidence/index.ts', 'evidenceFor');
  if (first.ok) return first;
  const second = await loadExport<EvidenceFor>('policies/evidence/catalog.ts', 'evidenceFor');
  return second.ok ? second : { ok: false, reason: `${first.reason}; ${second.reason}` };
}

/** How many resources an `evidenceFor` answer holds (an array, or an object with a `resources` array). */
export function resourceCount(answer: unknown): number {
  if (Array.isArray(answer)) return answer.length;
  const resources = (answer as { resources?: unknown } | null | undefined)?.resources;
  return Array.isArray(resources) ? resources.length : 0;
}
