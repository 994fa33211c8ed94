import { describe, expect, it } from 'vitest';
import { ContactDetailsPolicy } from '../../../policies/confidentiality/contact-details.ts';
import { IdentifyingDetailsPolicy } from '../../../policies/confidentiality/identifying-details.ts';
import { contextFor } from './context.ts';

const defaults = ContactDetailsPolicy.configSchema.parse(undefined);
const TEXT = 'Bel me op 06-71 93 28 40 of mail joris punt dekker apenstaartje hotmail punt com';

describe('contact_details', () => {
  it('holds, redacts and offers a redacted repost in peer support and general', () => {
    for (const space of ['peer_support', 'general'] as const) {
      const d = ContactDetailsPolicy.evaluate(contextFor(TEXT, space), defaults)!;
      expect(d.verdict).toBe('hold');
      expect(d.findings.map((f) => f.code).sort()).toEqual(['pii.EMAIL', 'pii.PHONE']);
      expect(d.actions.map((a) => a.kind)).toEqual(['hold', 'redact', 'reply_privately']);
      expect(d.actions[2]).toEqual({ kind: 'reply_privately', template: 'offer_redacted_repost' });
      const redact = d.actions[1] as { kind: 'redact'; spans: [number, number][] };
      expect(redact.spans.map(([s, e]) => TEXT.slice(s, e))).toEqual([
        '06-71 93 28 40',
        'joris punt dekker apenstaartje hotmail punt com',
      ]);
    }
  });

  it('only redacts the stored copy in clinician spaces', () => {
    const d = ContactDetailsPolicy.evaluate(contextFor(TEXT, 'ask_a_clinician'), defaults)!;
    expect(d.verdict).toBe('allow');
    expect(d.actions.map((a) => a.kind)).toEqual(['redact']);
  });

  it('ignores helplines, near-misses, allow-listed numbers and names (left to identifying_details)', () => {
    expect(
      ContactDetailsPolicy.evaluate(
        contextFor('Bel 113 of 0800-0113, dag en nacht.', 'peer_support'),
        defaults,
      ),
    ).toBeNull();
    expect(
      ContactDetailsPolicy.evaluate(contextFor('v2.3.1 costs €1.299 on 12-07-2025', 'general'), defaults),
    ).toBeNull();
    expect(
      ContactDetailsPolicy.evaluate(contextFor('Jan de Vries was here', 'general'), defaults),
    ).toBeNull();
    const exact = ContactDetailsPolicy.configSchema.parse({ allow_terms: ['06 7193 2840'] });
    expect(
      ContactDetailsPolicy.evaluate(contextFor('Bel de praktijk: 06-71932840', 'peer_support'), exact),
    ).toBeNull();
  });

  it('shares one detection run with identifying_details through the memo', () => {
    const ctx = contextFor('Jan de Vries, 06-71932840', 'peer_support');
    ContactDetailsPolicy.evaluate(ctx, defaults);
    IdentifyingDetailsPolicy.evaluate(ctx, IdentifyingDetailsPolicy.configSchema.parse(undefined));
    expect(ctx.computed).toEqual(['pii']);
  });
});
