import { BOUNDARY_LABELS, CRISIS_TYPES } from '../../policies/core/finding-codes.ts';
import { CAP, type Capabilities } from '../capabilities.ts';
import type { ScenarioRecord } from '../records.ts';
import { countConfusion } from '../report.ts';
import {
  accuracy,
  type Counts,
  countBinary,
  countSets,
  detection,
  hasEvidence,
  type Metrics,
  zeroCounts,
} from '../score-counts.ts';
import { addSpanCounts, emptySpanCounts } from '../score-spans.ts';
import type { ScenarioPrediction } from './scenario-predictions.ts';

type Grid = Map<string, Map<string, number>>;

/** Accumulates scenario metrics over records (one tally for all, one per language). */
export class ScenarioTally {
  readonly pii = emptySpanCounts();
  readonly disclosure = { self: zeroCounts(), third_party: zeroCounts() } as Record<string, Counts>;
  readonly crisisAny = zeroCounts();
  readonly crisis = new Map<string, Counts>(CRISIS_TYPES.map((t) => [t, zeroCounts()]));
  readonly boundary = new Map<string, Counts>(BOUNDARY_LABELS.map((l) => [l, zeroCounts()]));
  readonly boundaryAny = zeroCounts();
  readonly concept = zeroCounts();
  readonly assertion = { correct: 0, total: 0 };
  readonly assertionByClass = new Map<string, { correct: number; total: number }>();
  readonly specialty = { correct: 0, total: 0 };
  readonly escalateAny = zeroCounts();
  readonly escalateUrgent = zeroCounts();
  readonly grids = {
    crisis: new Map() as Grid,
    escalate: new Map() as Grid,
    disclosure: new Map() as Grid,
    assertion: new Map() as Grid,
  };

  /** Scores one record against its prediction. */
  add(r: ScenarioRecord, p: ScenarioPrediction): void {
    const e = r.expect;
    addSpanCounts(this.pii, e.pii, p.pii, 'overlap');
    for (const kind of ['self', 'third_party'])
      countBinary(this.disclosure[kind]!, e.disclosure === kind, p.disclosure.has(kind));
    countConfusion(this.grids.disclosure, e.disclosure, [...p.disclosure].sort().join('+') || 'none');
    countBinary(this.crisisAny, e.crisis !== 'none', p.crisis !== 'none');
    for (const [t, c] of this.crisis) countBinary(c, e.crisis === t, p.crisis === t);
    countConfusion(this.grids.crisis, e.crisis, p.crisis);
    for (const [l, c] of this.boundary) countBinary(c, e.boundary.includes(l), p.boundary.has(l));
    countBinary(this.boundaryAny, e.boundary.length > 0, p.boundary.size > 0);
    this.addConditions(r, p);
    if (e.specialty !== null) {
      this.specialty.total++;
      if (p.specialty === e.specialty) this.specialty.correct++;
    }
    countBinary(this.escalateAny, e.escalate !== 'none', p.escalate !== 'none');
    countBinary(this.escalateUrgent, e.escalate === 'urgent', p.escalate === 'urgent');
    countConfusion(this.grids.escalate, e.escalate, p.escalate);
  }

  private addConditions(r: ScenarioRecord, p: ScenarioPrediction): void {
    const expected = new Set(r.expect.conditions.map((c) => c.concept.toLowerCase()));
    countSets(this.concept, expected, new Set(p.concepts.map((c) => c.concept.toLowerCase())));
    const done = new Set<string>();
    for (const c of r.expect.conditions) {
      const concept = c.concept.toLowerCase();
      if (done.has(concept)) continue;
      done.add(concept);
      const candidates = p.concepts.filter((m) => m.concept.toLowerCase() === concept);
      if (!candidates.length) continue;
      // Prefer the mention at the labelled term, when the term can be found in the text.
      const at = r.text.indexOf(c.term);
      const end = at + c.term.length;
      const m = candidates.find((x) => at >= 0 && x.span[0] < end && x.span[1] > at) ?? candidates[0]!;
      const ok = m.assertion === c.assertion;
      this.assertion.total++;
      if (ok) this.assertion.correct++;
      const cls = this.assertionByClass.get(c.assertion) ?? { correct: 0, total: 0 };
      cls.total++;
      if (ok) cls.correct++;
      this.assertionByClass.set(c.assertion, cls);
      countConfusion(this.grids.assertion, c.assertion, m.assertion);
    }
  }

  /** The EVAL.md scenario metrics Ward can compute, given what the registered policies produce. */
  metrics(caps: Capabilities): Metrics {
    const m: Metrics = {};
    if (caps.has('pii.')) {
      m['pii.overall.overlap'] = detection(this.pii.overall);
      for (const [t, c] of [...this.pii.byType].sort((a, b) => a[0].localeCompare(b[0])))
        m[`pii.${t}.overlap`] = detection(c);
    }
    if (caps.has('disclosure.')) {
      m['disclosure.self'] = detection(this.disclosure.self!);
      m['disclosure.third_party'] = detection(this.disclosure.third_party!);
    }
    if (caps.has('crisis.')) {
      m['crisis.any'] = detection(this.crisisAny);
      for (const [t, c] of this.crisis) if (hasEvidence(c)) m[`crisis.${t}`] = detection(c);
    }
    for (const [l, c] of this.boundary)
      if (caps.has(`boundary.${l}`) && hasEvidence(c)) m[`boundary.${l}`] = detection(c);
    if (caps.has('boundary.')) m['boundary.any'] = detection(this.boundaryAny);
    if (caps.has(CAP.tag)) {
      m['conditions.concept'] = detection(this.concept);
      if (this.assertion.total)
        m['conditions.assertion'] = accuracy(this.assertion.correct, this.assertion.total);
    }
    if (caps.has(CAP.specialty) && this.specialty.total)
      m.specialty = accuracy(this.specialty.correct, this.specialty.total);
    if (caps.has(CAP.escalate)) {
      m['escalate.any'] = detection(this.escalateAny);
      m['escalate.urgent'] = detection(this.escalateUrgent);
    }
    return m;
  }
}
