import { describe, expect, it } from 'vitest';
import { IndividualAdvicePolicy } from '../../../policies/boundaries/individual-advice.ts';
import { contextFor, type TestMessage } from '../safety/context.ts';

const run = (text: string, opts: TestMessage = {}) =>
  IndividualAdvicePolicy.evaluate(
    contextFor(text, opts),
    IndividualAdvicePolicy.configSchema.parse(undefined),
  );

describe('individual_advice policy', () => {
  it.each([
    '@sam just skip your evening insulin if your sugar is fine, I do it all the time.',
    'You should halve your sertraline, the full dose is way too much.',
    'Honestly, stop taking your statin, the cramps are not worth it.',
    'Give your son two paracetamol instead of one, it works better.',
    'Stop gewoon met je prednison, dat spul is slecht voor je.',
    'Die metformine kun je beter halveren, dan heb je minder buikpijn.',
    'Geef je dochter gewoon een dubbele dosis paracetamol.',
  ])('holds: %s', (text) => {
    const d = run(text)!;
    expect(d.findings[0]!.code).toBe('boundary.individual_advice');
    expect(d.verdict).toBe('hold');
    expect(d.actions).toContainEqual({ kind: 'reply_privately', template: 'individual_advice_held' });
  });

  it.each([
    'Please do not stop your meds without talking to your doctor.',
    'Ask your pharmacist before you change your dose.',
    'Did you stop your inhaler when the cough went away?',
    'Stop met roken, dat helpt je longen echt.',
    'Overleg met je huisarts voordat je stopt met je medicijnen.',
    'Just switch off your phone for an hour and rest.',
  ])('leaves alone: %s', (text) => expect(run(text)).toBeNull());

  it('lets verified clinicians give guidance', () => {
    expect(
      run('You should reduce your prednisolone by 5 mg a week.', { roles: ['verified_clinician'] }),
    ).toBeNull();
  });

  it('leaves general exhortations that repeat a known claim to the misinformation policy', () => {
    expect(
      run('Garlic lowers blood pressure better than any tablet. Throw away your amlodipine.'),
    ).toBeNull();
  });

  it('routes to the specialty of the treatment', () => {
    const d = run('Just cancel your methotrexate while you have that rash.')!;
    expect(d.actions).toContainEqual(
      expect.objectContaining({ kind: 'escalate', specialty: 'rheumatology' }),
    );
  });
});
