import { zCommunityConfig } from '../policies/index.ts';
import { parseEnv } from '../worker/env.ts';
import { isUncertain, reviewOffline } from '../worker/review/offline-review.ts';
import { StandardReviewClient } from '../worker/review/review-client.ts';
import { reviewerFromEnv } from '../worker/review/reviewer-options.ts';
import type { KindResult } from './kinds/types.ts';
import { labelMetrics, scoreLabels } from './kinds/labels.ts';
import { labelMappingFor } from './mappings/labels.ts';
import { loadPolicyHarness, type PolicyHarness } from './policy-harness.ts';
import type { Dataset } from './read-dataset.ts';
import type { LabelsRecord } from './records.ts';
import { formatTable, metricCell, printSection } from './report.ts';
import type { Metrics } from './score-counts.ts';

/** At most this many records are sent per run, so an eval never spends without bound. */
export const MAX_EVAL_REVIEWS = 500;

/**
 * `--review`: on a labels data set, scores the rules alone and the rules plus a second opinion on the records they
 * were uncertain about, side by side, with the calls and tokens spent. Needs WARD_REVIEW_MODEL (and OPENAI_BASE_URL /
 * OPENAI_API_KEY); without it, or on other kinds, nothing is sent and the plain result stands.
 */
export async function withReview(ds: Dataset, base: KindResult, policy?: string): Promise<KindResult> {
  const reviewer = reviewerFromEnv(parseEnv());
  if (!reviewer)
    return note(
      base,
      'no endpoint configured (set WARD_REVIEW_MODEL, OPENAI_BASE_URL, OPENAI_API_KEY); nothing sent',
    );
  if (ds.kind !== 'labels')
    return note(base, `compares labels data sets only (this is ${ds.kind}); nothing sent`);
  const loaded = await loadPolicyHarness(policy);
  if (!loaded.ok) return note(base, loaded.reason);
  const harness = loaded.value;
  const settings = zCommunityConfig.parse({
    community: { id: 'eval', name: 'Eval', admin_channel: { platform: 'sandbox', id: 'mods' } },
    review: { enabled: true },
  }).review;
  const client = new StandardReviewClient(reviewer);
  const records = ds.records as LabelsRecord[];
  const input = (r: LabelsRecord) => ({
    id: r.id,
    text: r.text,
    space: 'peer_support' as const,
    role: 'member',
    lang: 'en',
  });
  const uncertain = records
    .filter((r) => isUncertain(r.text, harness.run(input(r)), settings))
    .slice(0, MAX_EVAL_REVIEWS);

  const added = new Map<string, string[]>();
  const outcomes = new Map<string, number>();
  let tokens = 0;
  const queue = [...uncertain];
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const ruleCodes = harness.run(input(r)).decision.findings.map((f) => f.code);
      const res = await reviewOffline(
        client,
        { text: r.text, locale: 'en-GB', space: 'peer_support', ruleCodes },
        settings,
      );
      outcomes.set(res.outcome, (outcomes.get(res.outcome) ?? 0) + 1);
      tokens += res.usage.total;
      if (res.codes.length) added.set(r.id, res.codes);
    }
  };
  await Promise.all(Array.from({ length: reviewer.concurrency }, worker));

  const reviewed: PolicyHarness = {
    registry: harness.registry,
    run(m) {
      const r = harness.run(m);
      const extra = (added.get(m.id) ?? []).map((code) => ({
        code,
        severity: 'medium' as const,
        policy: 'review',
      }));
      return { ...r, decision: { ...r.decision, findings: [...r.decision.findings, ...extra] } };
    },
  };
  const mapping = labelMappingFor(ds.name);
  const before = labelMetrics(scoreLabels(records, mapping, harness), mapping);
  const after = labelMetrics(scoreLabels(records, mapping, reviewed), mapping);
  const rows = Object.keys(before).map((k) => [k, metricCell(before[k]), metricCell(after[k])]);
  printSection(
    `Review (${reviewer.model}): P/R/F1 without and with a second opinion`,
    formatTable(['metric', 'rules', 'rules + review'], rows),
  );
  const spent = [...outcomes].map(([o, n]) => `${o} ${n}`).join(', ') || 'none';
  console.log(
    `\nreview: ${uncertain.length} of ${records.length} records uncertain and sent; calls: ${spent}; tokens: ${tokens}`,
  );
  const metrics: Metrics = { ...base.metrics };
  for (const [k, m] of Object.entries(after)) metrics[`review.${k}`] = m;
  return { ms: base.ms, metrics };
}

function note(base: KindResult, why: string): KindResult {
  console.log(`\n--review: ${why}`);
  return base;
}
