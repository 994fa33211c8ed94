import { describe, expect, it } from 'vitest';
import { foldDecision, mergeDecisions } from '../../../policies/core/merge-decisions.ts';
import {
  REPEAT_BOUNDARY_CODE,
  type RepeatSettings,
  repeatDecision,
  strikesInWindow,
} from '../../../policies/core/repeat-behaviour.ts';
import type { Decision } from '../../../policies/core/types.ts';
import { reasonText } from '../../../worker/deliver/reason-text.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 12);
const settings: RepeatSettings = { enabled: true, strikes: 3, window_days: 7, priority: 'routine' };
const at = (days: number) => new Date(T0 + days * DAY);

function notified(code = 'boundary.private_contact'): Decision {
  // A boundary policy in `notify` mode: flagged, a private note, no escalation.
  return {
    policy: 'private_contact',
    verdict: 'flag',
    findings: [{ code, severity: 'medium', span: [0, 5] }],
    actions: [{ kind: 'reply_privately', template: 'private_contact_notice' }],
  };
}

describe('strikesInWindow', () => {
  it('counts the fullest window that holds the current strike, in any order of arrival', () => {
    expect(strikesInWindow(T0, [T0 - DAY, T0 - 2 * DAY], 7 * DAY)).toBe(3);
    expect(strikesInWindow(T0, [T0 + DAY, T0 - 2 * DAY], 7 * DAY)).toBe(3);
    expect(strikesInWindow(T0, [T0 - 8 * DAY, T0 - 4 * DAY], 7 * DAY)).toBe(2);
    expect(strikesInWindow(T0, [T0 - 7 * DAY], 7 * DAY)).toBe(1);
    expect(strikesInWindow(T0, [], 7 * DAY)).toBe(1);
  });
});

describe('repeatDecision', () => {
  const merged = mergeDecisions([notified()]);
  const subject = { root: 'm3', at: at(0) };

  it('escalates the third strike within the window with a reason naming the count', () => {
    const history = [
      { root: 'm1', at: at(-3) },
      { root: 'm2', at: at(-1) },
    ];
    const d = repeatDecision(merged, subject, history, settings);
    expect(d?.findings.map((f) => f.code)).toEqual([REPEAT_BOUNDARY_CODE]);
    expect(d?.actions).toEqual([{ kind: 'escalate', priority: 'routine', reason: 'repeat.boundary:3/7d' }]);
    const folded = foldDecision(merged, d!);
    expect(folded.verdict).toBe('flag');
    expect(folded.actions.filter((a) => a.kind === 'escalate')).toHaveLength(1);
    expect(folded.findings.map((f) => f.code)).toContain(REPEAT_BOUNDARY_CODE);
  });

  it('lets old strikes fade: three spread over more than the window do not escalate', () => {
    const history = [
      { root: 'm1', at: at(-8) },
      { root: 'm2', at: at(-4) },
    ];
    expect(repeatDecision(merged, subject, history, settings)).toBeNull();
  });

  it('counts each platform message once: its edits and this message’s own versions add nothing', () => {
    const history = [
      { root: 'm1', at: at(-2) },
      { root: 'm1', at: at(-1) },
      { root: 'm3', at: at(-1) },
    ];
    expect(repeatDecision(merged, subject, history, settings)).toBeNull();
  });

  it('does nothing for a message that is not itself a strike, or when switched off', () => {
    const history = [
      { root: 'm1', at: at(-2) },
      { root: 'm2', at: at(-1) },
    ];
    const allow = mergeDecisions([]);
    expect(repeatDecision(allow, subject, history, settings)).toBeNull();
    expect(repeatDecision(merged, subject, history, { ...settings, enabled: false })).toBeNull();
  });

  it('raises an existing escalation instead of adding a second one, keeping every reason', () => {
    const flagged = mergeDecisions([
      {
        ...notified(),
        actions: [{ kind: 'escalate', priority: 'routine', reason: 'boundary.private_contact' }],
      },
    ]);
    const history = [
      { root: 'm1', at: at(-0.5) },
      { root: 'm2', at: at(-0.25) },
    ];
    const d = repeatDecision(flagged, subject, history, { ...settings, priority: 'urgent' });
    const esc = foldDecision(flagged, d!).actions.filter((a) => a.kind === 'escalate');
    expect(esc).toEqual([
      { kind: 'escalate', priority: 'urgent', reason: 'boundary.private_contact; repeat.boundary:3/7d' },
    ]);
  });
});

describe('repeat reason on the card', () => {
  it('reads as a sentence in English and Dutch', () => {
    expect(reasonText('repeat.boundary:3/7d')).toBe('3rd boundary strike in 7 days');
    expect(reasonText('repeat.boundary:3/7d', 'nl-NL')).toBe('3e grensoverschrijding in 7 dagen');
    expect(reasonText('repeat.boundary:11/1d')).toBe('11th boundary strike in 1 day');
    expect(reasonText('repeat.boundary:22/12h', 'en-GB')).toBe('22nd boundary strike in 12 hours');
    expect(reasonText('boundary.commercial', 'nl-NL')).toBe('Reclame, verwijslinks of spam');
    expect(reasonText('boundary.commercial')).toBe('Promotion, referral links or spam');
  });
});
