import { describe, expect, it } from 'vitest';
import { testConfig } from '../../support/ward-harness.ts';
import { reviewTriggers } from '../../../worker/review/uncertainty.ts';

const settings = (patch: Record<string, unknown> = {}) =>
  testConfig({ review: { enabled: true, ...patch } }).review;

describe('review triggers', () => {
  it('is off by default', () => {
    const off = testConfig().review;
    expect(off.enabled).toBe(false);
    expect(
      reviewTriggers(
        {
          findings: [{ code: 'crisis.self_harm', confidence: 0.5 }],
          crisisFound: false,
          softSignals: ['distress_idiom'],
        },
        off,
      ),
    ).toEqual([]);
  });

  it('sends findings whose confidence is inside the band, and only those', () => {
    const s = settings({ band: { min: 0.4, max: 0.7 } });
    const t = reviewTriggers(
      {
        findings: [
          { code: 'boundary.commercial', confidence: 0.55 },
          { code: 'boundary.harassment', confidence: 0.95 },
          { code: 'boundary.misinformation', confidence: 0.2 },
          { code: 'boundary.private_contact' },
        ],
        crisisFound: false,
        softSignals: [],
      },
      s,
    );
    expect(t).toEqual([{ kind: 'band', code: 'boundary.commercial' }]);
  });

  it('never sends for identifiers, which the model cannot see', () => {
    expect(
      reviewTriggers(
        { findings: [{ code: 'pii.NAME', confidence: 0.5 }], crisisFound: false, softSignals: [] },
        settings(),
      ),
    ).toEqual([]);
  });

  it('respects the community categories', () => {
    const s = settings({ categories: ['misinformation'] });
    expect(
      reviewTriggers(
        {
          findings: [{ code: 'boundary.commercial', confidence: 0.5 }],
          crisisFound: false,
          softSignals: ['distress_idiom'],
        },
        s,
      ),
    ).toEqual([]);
  });

  it('uses soft signals only when the crisis detector did not stand by a signal', () => {
    const s = settings();
    expect(reviewTriggers({ findings: [], crisisFound: false, softSignals: ['distress_idiom'] }, s)).toEqual([
      { kind: 'soft_signal', code: 'distress_idiom' },
    ]);
    expect(reviewTriggers({ findings: [], crisisFound: true, softSignals: ['distress_idiom'] }, s)).toEqual(
      [],
    );
    expect(
      reviewTriggers(
        { findings: [], crisisFound: false, softSignals: ['distress_idiom'] },
        settings({ soft_signals: false }),
      ),
    ).toEqual([]);
  });
});
