import { describe, expect, it } from 'vitest';
import { CrisisPolicy } from '../../../policies/safety/crisis.ts';
import { contextFor, type TestMessage } from './context.ts';

const run = (text: string, opts: TestMessage = {}) =>
  CrisisPolicy.evaluate(contextFor(text, opts), CrisisPolicy.configSchema.parse(undefined));
const typeOf = (text: string, opts: TestMessage = {}) => run(text, opts)?.findings[0]?.code ?? null;

describe('crisis policy', () => {
  it.each([
    ['everyone would be better off without me', 'crisis.suicide_risk'],
    ['I have pills saved up and tonight I will take all of my pills', 'crisis.suicide_risk'],
    ['This is my last message, goodbye everyone.', 'crisis.suicide_risk'],
    ['I keep having suicidal thoughts and I am scared', 'crisis.suicide_risk'],
    ['I cut my arms again tonight', 'crisis.self_harm'],
    ['The urge to hurt myself is so strong right now', 'crisis.self_harm'],
    [
      'My husband has crushing chest pain spreading to his left arm and he is sweating',
      'crisis.medical_emergency',
    ],
    ["Mum's face is drooping and her speech is slurred, started 10 minutes ago", 'crisis.medical_emergency'],
    ['My son swallowed a magnet an hour ago', 'crisis.medical_emergency'],
    ['My baby is floppy and not breathing properly', 'crisis.medical_emergency'],
    ['He hits me when he has been drinking and I am afraid to go home', 'crisis.violence_or_abuse'],
  ])('EN positive: %s', (text, code) => expect(typeOf(text)).toBe(code));

  it.each([
    ['ik zie het niet meer zitten', 'crisis.suicide_risk'],
    ['Iedereen is beter af zonder mij.', 'crisis.suicide_risk'],
    ['Ik wil niet meer leven, ik heb al mijn pillen opgespaard.', 'crisis.suicide_risk'],
    ['Ik heb mezelf vannacht weer gesneden.', 'crisis.self_harm'],
    ['Mijn vader heeft ineens een scheve mond en praat onduidelijk.', 'crisis.medical_emergency'],
    ['Mijn keel zit dicht na een wespensteek.', 'crisis.medical_emergency'],
    ['Mijn man slaat me en dreigt me te vermoorden.', 'crisis.violence_or_abuse'],
  ])('NL positive: %s', (text, code) => expect(typeOf(text, { locale: 'nl-NL' })).toBe(code));

  it.each([
    'I have no thoughts of ending it',
    'my late brother took his own life in 2015',
    'this queue is killing me',
    'ik ga dood van het lachen',
    'overdosed on coffee lol',
    'In the US you can call or text 988 any time if things feel heavy.',
    'De chat van 113 is anoniem, je kunt daar altijd terecht.',
    'I used to cut myself as a teenager; these days I help others.',
    'How do you support someone who wants to die?',
    'Ik heb geen zelfmoordgedachten.',
    'Our team asks every new patient about suicidal thoughts at intake.',
  ])('hard negative: %s', (text) => expect(run(text)).toBeNull());

  it('sends a private support message with the locale lines and pages urgently with a specialty', () => {
    const d = run('Ik zie het echt niet meer zitten', { locale: 'nl-NL' })!;
    expect(d.verdict).toBe('flag');
    expect(d.actions).toContainEqual({
      kind: 'reply_privately',
      template: 'crisis_support',
      resources: ['crisis_line:nl-113'],
    });
    expect(d.actions).toContainEqual({
      kind: 'escalate',
      priority: 'urgent',
      specialty: 'psychiatry',
      reason: 'crisis.suicide_risk',
    });
    expect(CrisisPolicy.tier).toBe('crisis');
    expect(CrisisPolicy.failMode).toBe('escalate');
  });

  it('puts the emergency number first for a medical emergency and suggests the specialty', () => {
    const d = run('My toddler swallowed a button battery twenty minutes ago', { locale: 'en-GB' })!;
    const reply = d.actions.find((a) => a.kind === 'reply_privately');
    expect(reply && 'resources' in reply ? reply.resources?.[0] : null).toBe('emergency:999');
    expect(d.actions).toContainEqual(expect.objectContaining({ kind: 'escalate', specialty: 'pediatrics' }));
  });

  it('reports the most pressing type and spans that index the original text', () => {
    const text = 'I cut myself again and I want to die';
    const d = run(text)!;
    expect(d.findings.every((f) => f.code === 'crisis.suicide_risk')).toBe(true);
    const [s, e] = d.findings[0]!.span!;
    expect(text.slice(s, e)).toBe('want to die');
  });

  it('can be switched off per space', () => {
    const ctx = contextFor('I want to die', { space: 'clinician_only' });
    const cfg = CrisisPolicy.configSchema.parse({ spaces: { clinician_only: 'off' } });
    expect(CrisisPolicy.evaluate(ctx, cfg)).toBeNull();
  });
});
