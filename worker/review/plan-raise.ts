import type { Specialty } from '../../policies/core/types.ts';

/** One source's view: the model's structured opinion or the moderation endpoint's flags. */
export interface OpinionSignal {
  source: 'model' | 'moderation';
  codes: readonly string[];
  confidence: number;
  /** A card-safe sentence (see safeRationale), or null. */
  rationale: string | null;
}

/** What a second opinion adds: a new escalation, or a reason (and maybe urgency) on the message's live one. */
export interface RaisePlan {
  action: 'create' | 'merge';
  priority: 'routine' | 'urgent';
  specialty: Specialty | null;
  reason: string;
  findingCodes: string[];
}

/** Input to planRaise. */
export interface RaiseInput {
  signals: readonly OpinionSignal[];
  /** Codes the rules recorded for the message. */
  ruleCodes: readonly string[];
  /** The message's open or claimed escalation, if any. */
  existing: { priority: string } | null;
  minConfidence: number;
}

/**
 * Decides what an opinion changes. It can only add: a concern the rules missed opens a routine escalation (urgent
 * for a crisis) or is added to the live escalation's reasons; "no concern" or low confidence changes nothing, so a
 * model can never lower a crisis or confidentiality decision. Pure.
 */
export function planRaise(input: RaiseInput): RaisePlan | null {
  const usable = input.signals.filter((s) => s.confidence >= input.minConfidence && s.codes.length > 0);
  if (usable.length === 0) return null;
  const codes = [...new Set(usable.flatMap((s) => s.codes))].sort();
  const fresh = codes.filter((c) => !input.ruleCodes.includes(c));
  if (!input.existing && fresh.length === 0) return null;
  const urgent = fresh.some((c) => c.startsWith('crisis.'));
  const rationale =
    usable.find((s) => s.source === 'model' && s.rationale)?.rationale ??
    (usable.some((s) => s.source === 'moderation') ? 'flagged by the provider’s moderation endpoint' : null);
  const reason = `second opinion: ${codes.join(', ')}${rationale ? ` — ${rationale}` : ''}`;
  const psych = fresh.some((c) => c === 'crisis.suicide_risk' || c === 'crisis.self_harm');
  return {
    action: input.existing ? 'merge' : 'create',
    priority: urgent ? 'urgent' : 'routine',
    specialty: psych ? 'psychiatry' : null,
    reason,
    findingCodes: codes.map((c) => `review.${c}`),
  };
}
