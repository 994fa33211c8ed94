import { describe, expect, it } from 'vitest';
import { HealthDisclosurePolicy } from '../../../policies/confidentiality/health-disclosure.ts';
import { contextFor } from './context.ts';

const config = HealthDisclosurePolicy.configSchema.parse(undefined);
const run = (text: string, space: Parameters<typeof contextFor>[1] = 'peer_support', roles?: string[]) =>
  HealthDisclosurePolicy.evaluate(contextFor(text, space, roles), config);

describe('health_disclosure', () => {
  it('holds the author’s own identifiable health details and offers a redacted repost', () => {
    const d = run('Hi, I am Maarten de Vries, maarten.devries@example.com, and I have epilepsy.');
    expect(d?.verdict).toBe('hold');
    expect(d?.findings.map((f) => f.code)).toContain('disclosure.self');
    expect(d?.actions.map((a) => a.kind)).toEqual(['hold', 'redact', 'reply_privately', 'escalate']);
  });

  it('holds and escalates another named person’s health details', () => {
    const d = run('Did you hear that Linda Verhoeven from the bakery has breast cancer?');
    expect(d?.findings.map((f) => f.code)).toEqual(['disclosure.third_party']);
    expect(d?.actions).toContainEqual(expect.objectContaining({ kind: 'escalate', priority: 'routine' }));
  });

  it('flags identifiable patient details even among clinicians (Dutch)', () => {
    const d = run(
      'Patiënt Henk Jansen, BSN 111222333, verdenking longkanker. Wie kan meekijken?',
      'clinician_only',
      ['verified_clinician'],
    );
    expect(d?.verdict).toBe('flag');
    expect(d?.findings[0]?.code).toBe('disclosure.third_party');
  });

  it('leaves pseudonymous own health talk and anonymised cases alone', () => {
    expect(run('I have had type 1 diabetes for ten years and the pump changed my life.')).toBeNull();
    expect(run('Anonymised: 58F with T2DM and CKD, HbA1c 64. Thoughts?', 'clinician_only')).toBeNull();
    expect(run('My mum has dementia and it is hard.')).toBeNull();
  });
});
