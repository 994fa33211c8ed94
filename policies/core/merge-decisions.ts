import type { Action, ConceptMention, Decision, Finding, Verdict } from './types.ts';
import { VERDICTS } from './types.ts';

/** The merged outcome of all policies for one message. */
export interface MergedDecision {
  verdict: Verdict;
  policies: string[];
  findings: (Finding & { policy: string })[];
  actions: Action[];
}

const verdictRank = (v: Verdict): number => VERDICTS.indexOf(v);

/** Strongest verdict wins, tags union, escalations collapse to one at the highest priority with all reasons. */
export function mergeDecisions(decisions: readonly Decision[]): MergedDecision {
  let verdict: Verdict = 'allow';
  const findings: (Finding & { policy: string })[] = [];
  const redactSpans: [number, number][] = [];
  const concepts = new Map<string, ConceptMention>();
  const evidence = new Set<string>();
  const replies = new Map<string, Action & { kind: 'reply_privately' }>();
  const reasons: string[] = [];
  let escalation = null as (Action & { kind: 'escalate' }) | null;
  let hold = false;
  let remove = false;

  for (const d of decisions) {
    if (verdictRank(d.verdict) > verdictRank(verdict)) verdict = d.verdict;
    for (const f of d.findings) findings.push({ ...f, policy: d.policy });
    for (const a of d.actions) {
      switch (a.kind) {
        case 'redact':
          redactSpans.push(...a.spans);
          break;
        case 'hold':
          hold = true;
          break;
        case 'remove':
          remove = true;
          break;
        case 'reply_privately':
          if (!replies.has(a.template)) replies.set(a.template, a);
          break;
        case 'tag':
          for (const c of a.concepts) concepts.set(`${c.concept}@${c.span[0]}`, c);
          break;
        case 'link_evidence':
          for (const c of a.concepts) evidence.add(c);
          break;
        case 'escalate':
          reasons.push(a.reason);
          if (!escalation || (a.priority === 'urgent' && escalation.priority !== 'urgent')) {
            escalation = { ...a };
          } else if (!escalation.specialty && a.specialty) {
            escalation = { ...escalation, specialty: a.specialty };
          }
          break;
      }
    }
  }

  const actions: Action[] = [];
  if (remove) actions.push({ kind: 'remove' });
  else if (hold) actions.push({ kind: 'hold' });
  if (redactSpans.length) actions.push({ kind: 'redact', spans: mergeSpans(redactSpans) });
  actions.push(...replies.values());
  if (concepts.size) actions.push({ kind: 'tag', concepts: [...concepts.values()] });
  if (evidence.size) actions.push({ kind: 'link_evidence', concepts: [...evidence] });
  const esc = escalation as (Action & { kind: 'escalate' }) | null;
  if (esc) actions.push({ ...esc, reason: [...new Set(reasons)].join('; ') });
  return { verdict, policies: decisions.map((d) => d.policy), findings, actions };
}

/** Sorts spans and joins overlapping or touching ones. */
export function mergeSpans(spans: readonly [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Folds one more decision into a merged one with the same rules (strongest verdict, one escalation at the highest
 * priority with every reason), for steps that decide after the policies, such as repeat behaviour.
 */
export function foldDecision(merged: MergedDecision, d: Decision): MergedDecision {
  const verdict = verdictRank(d.verdict) > verdictRank(merged.verdict) ? d.verdict : merged.verdict;
  const findings = [...merged.findings, ...d.findings.map((f) => ({ ...f, policy: d.policy }))];
  const actions = [...merged.actions];
  for (const a of d.actions) {
    const at = actions.findIndex((x) => x.kind === 'escalate');
    const current = actions[at];
    if (a.kind !== 'escalate' || !current || current.kind !== 'escalate') {
      actions.push(a);
      continue;
    }
    const reasons = [...new Set([...current.reason.split('; '), a.reason])];
    actions[at] = {
      ...current,
      priority: current.priority === 'urgent' || a.priority === 'urgent' ? 'urgent' : 'routine',
      reason: reasons.join('; '),
      ...(current.specialty || !a.specialty ? {} : { specialty: a.specialty }),
    };
  }
  return { verdict, policies: [...merged.policies, d.policy], findings, actions };
}
