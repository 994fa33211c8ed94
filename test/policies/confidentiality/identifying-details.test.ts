import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContactDetailsPolicy } from '../../../policies/confidentiality/contact-details.ts';
import { IdentifyingDetailsPolicy } from '../../../policies/confidentiality/identifying-details.ts';
import type { SpaceKind } from '../../../policies/core/types.ts';
import { zCommunityConfig } from '../../../policies/index.ts';
import { contextFor } from './context.ts';

const defaults = IdentifyingDetailsPolicy.configSchema.parse(undefined);

describe('identifying_details', () => {
  it('holds names, addresses and birth dates in public spaces with a redacted-repost offer', () => {
    const text = 'Ik ben Gerda Smits, Molenweg 9, 6871 BC Renkum (geb. 12-07-1985).';
    const d = IdentifyingDetailsPolicy.evaluate(contextFor(text, 'peer_support'), defaults)!;
    expect(d.verdict).toBe('hold');
    expect(d.findings.map((f) => f.code)).toEqual(['pii.NAME', 'pii.ADDRESS', 'pii.DATE_OF_BIRTH']);
    expect(d.findings.every((f) => typeof f.confidence === 'number' && f.span)).toBe(true);
    expect(d.actions.map((a) => a.kind)).toEqual(['hold', 'redact', 'reply_privately']);
  });

  it('flags identifiable patient details in clinician_only with a routine escalation', () => {
    const d = IdentifyingDetailsPolicy.evaluate(
      contextFor('Referral for Jacob Morris, MRN 00917723, 9 years old.', 'clinician_only', [
        'verified_clinician',
      ]),
      defaults,
    )!;
    expect(d.verdict).toBe('flag');
    expect(d.findings.map((f) => f.code)).toEqual(['pii.NAME', 'pii.ID']);
    expect(d.actions).toContainEqual(expect.objectContaining({ kind: 'escalate', priority: 'routine' }));
  });

  it('lets anonymised cases through and only redacts moderators’ announcements', () => {
    expect(
      IdentifyingDetailsPolicy.evaluate(
        contextFor('Anonymised: 72M with heart failure.', 'clinician_only'),
        defaults,
      ),
    ).toBeNull();
    const d = IdentifyingDetailsPolicy.evaluate(
      contextFor('Dr. Helena Marsh answers questions next month.', 'general', ['moderator']),
      defaults,
    )!;
    expect(d.verdict).toBe('allow');
    expect(d.actions.map((a) => a.kind)).toEqual(['redact']);
  });

  it('honours types per space, the threshold and the allow-list', () => {
    const config = IdentifyingDetailsPolicy.configSchema.parse({
      spaces: { general: { behaviour: 'hold', types: ['ID'] } },
      allow_terms: ['Helena Marsh'],
    });
    const quiet = IdentifyingDetailsPolicy.evaluate(contextFor('Jan de Vries', 'general'), config)!;
    expect(quiet.verdict).toBe('allow'); // a type not acted on here is only redacted in the stored copy
    expect(quiet.findings.map((f) => f.severity)).toEqual(['info']);
    expect(
      IdentifyingDetailsPolicy.evaluate(contextFor('Thanks Helena Marsh!', 'peer_support'), config),
    ).toBeNull();
    const strict = IdentifyingDetailsPolicy.configSchema.parse({ min_confidence: 0.99 });
    expect(IdentifyingDetailsPolicy.evaluate(contextFor('Jan de Vries', 'general'), strict)).toBeNull();
    expect(() => IdentifyingDetailsPolicy.configSchema.parse({ spaces: { lobby: {} } })).toThrow();
  });

  it('validates inside the community config', () => {
    const cfg = zCommunityConfig.parse({
      community: { id: 'c', name: 'C', admin_channel: { platform: 'sandbox', id: 'a' } },
      policies: { identifying_details: { settings: { allow_terms: ['0800-1234'] } } },
    });
    expect(
      (cfg.policies.identifying_details?.settings as { allow_terms?: string[] } | undefined)?.allow_terms,
    ).toEqual(['0800-1234']);
  });

  it('together with contact_details finds every expected PII span of the dev scenarios', () => {
    const lines = readFileSync('../shared/datasets/scenarios/dev.jsonl', 'utf8').trim().split('\n');
    let expected = 0;
    let hit = 0;
    for (const line of lines) {
      const r = JSON.parse(line) as {
        text: string;
        space: SpaceKind;
        expect: { pii: { start: number; end: number }[] };
      };
      const ctx = contextFor(r.text, r.space);
      const spans = [ContactDetailsPolicy, IdentifyingDetailsPolicy]
        .flatMap(
          (p) =>
            p.evaluate(
              ctx,
              p.configSchema.parse({
                spaces: Object.fromEntries(
                  ['peer_support', 'general', 'ask_a_clinician', 'clinician_only'].map((s) => [
                    s,
                    {
                      behaviour: 'redact',
                      types: [
                        'NAME',
                        'PHONE',
                        'EMAIL',
                        'ID',
                        'ADDRESS',
                        'DATE_OF_BIRTH',
                        'URL',
                        'HANDLE',
                        'LOCATION',
                        'ORGANIZATION',
                      ],
                    },
                  ]),
                ),
              }),
            )?.findings ?? [],
        )
        .map((f) => f.span!);
      for (const g of r.expect.pii) {
        expected++;
        if (spans.some(([s, e]) => s < g.end && g.start < e)) hit++;
      }
    }
    expect(expected).toBeGreaterThan(50);
    expect(hit / expected).toBeGreaterThanOrEqual(0.95);
  });
});

describe('identifying_details in clinician_only', () => {
  it('flags the patient details and still redacts the ward in the stored copy, with an info finding', () => {
    const text = 'Can we discuss Mrs Elaine Ford on ward 3? 84, admitted with a hip fracture.';
    const d = IdentifyingDetailsPolicy.evaluate(
      contextFor(text, 'clinician_only', ['verified_clinician']),
      IdentifyingDetailsPolicy.configSchema.parse(undefined),
    )!;
    expect(d.verdict).toBe('flag');
    expect(d.findings.map((f) => [f.code, f.severity])).toEqual([
      ['pii.NAME', 'low'],
      ['pii.LOCATION', 'info'],
    ]);
    const redact = d.actions.find((a) => a.kind === 'redact') as { spans: [number, number][] };
    expect(redact.spans.map(([s, e]) => text.slice(s, e))).toEqual(['Elaine Ford', 'ward 3']);
  });
});
