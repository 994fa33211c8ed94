import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../policies/detect/normalize.ts';
import { crisisScores } from '../../../policies/safety/crisis-score.ts';
import { CrisisPolicy } from '../../../policies/safety/crisis.ts';
import { contextFor, type TestMessage } from './context.ts';

const run = (text: string, opts: TestMessage = {}) =>
  CrisisPolicy.evaluate(contextFor(text, opts), CrisisPolicy.configSchema.parse(undefined));
const typeOf = (text: string, opts: TestMessage = {}) => run(text, opts)?.findings[0]?.code ?? null;
const confidenceOf = (text: string) => run(text)?.findings[0]?.confidence ?? 0;
const nl = { locale: 'nl-NL' };

// Phrasings written for these tests, not taken from any data set: verb and object families, fillers, dropped
// subjects, Dutch word order and separable verbs.
describe('crisis cues generalise over phrasing', () => {
  it.each([
    ['honestly i just wanna die rn', 'crisis.suicide_risk'],
    ['I am so ready to end it all, nothing helps', 'crisis.suicide_risk'],
    ['been reading up on painless ways to die', 'crisis.suicide_risk'],
    ['I have been stashing all of my zopiclone for weeks', 'crisis.suicide_risk'],
    ['they would honestly be happier without me around', 'crisis.suicide_risk'],
    ['took a load of pills last night hoping I would never wake up', 'crisis.suicide_risk'],
    ['My cousin says she is about to jump off the multi-storey', 'crisis.suicide_risk'],
    ['carved again tonight, sleeves hide it', 'crisis.self_harm'],
    ['the urge to cut is unbearable tonight', 'crisis.self_harm'],
    ['my son keeps cutting his arms and hides the blades', 'crisis.self_harm'],
    ['her throat is closing up after the prawns', 'crisis.medical_emergency'],
    ['he took around 40 of his sleeping pills by mistake', 'crisis.medical_emergency'],
    ['my 6 week old is limp and not feeding', 'crisis.medical_emergency'],
    ['He pinned me against the wall by my throat again', 'crisis.violence_or_abuse'],
  ])('EN: %s', (text, code) => expect(typeOf(text)).toBe(code));

  it.each([
    ['Eigenlijk wil ik gewoon dood', 'crisis.suicide_risk'],
    ['ik wil echt niet meer wakker worden', 'crisis.suicide_risk'],
    ['Morgen maak ik er een eind aan', 'crisis.suicide_risk'],
    ['Hij zei dat hij zich gaat ophangen', 'crisis.suicide_risk'],
    ['ik denk steeds vaker aan zelfdoding', 'crisis.suicide_risk'],
    ['weer gesneden, na vier maanden clean', 'crisis.self_harm'],
    ['Ik heb zo een drang om mezelf te krassen', 'crisis.self_harm'],
    ['Mijn zus snijdt zichzelf weer', 'crisis.self_harm'],
    ['Opa zijn mondhoek hangt ineens en hij praat raar', 'crisis.medical_emergency'],
    ['Mijn vader hoest ineens bloed op', 'crisis.medical_emergency'],
  ])('NL: %s', (text, code) => expect(typeOf(text, nl)).toBe(code));
});

describe('context still rules crisis cues out', () => {
  it.each([
    "I don't want to die, I just want this flare to end",
    'My GP asked if I had thoughts of killing myself and honestly I have not',
    'Years ago I took an overdose; now I run a support group',
    'When I was 15 I cut myself a lot, it has been over for ages',
    'this paperwork makes me want to die lol',
    'If you feel suicidal, please call 116 123 any time',
  ])('EN: %s', (text) => expect(run(text)).toBeNull());

  it.each([
    'ik ga dood van het lachen',
    'Vroeger sneed ik mezelf, dat is gelukkig voorbij',
    'Die wachtrij is om dood te gaan',
    'Voor wie het zwaar heeft: bel 113, je kunt ook chatten',
  ])('NL: %s', (text) => expect(run(text, nl)).toBeNull());
});

describe('crisis confidence', () => {
  it('rates a first-person plan with means and a time above an indirect signal', () => {
    const plan = confidenceOf("I've saved up all my pills and I'm going to take them tonight");
    const indirect = confidenceOf('I feel like such a burden to everyone');
    expect(plan).toBeGreaterThan(indirect);
    expect(indirect).toBeGreaterThan(0.4);
    expect(plan).toBeLessThanOrEqual(0.99);
  });

  it('rates a hedged statement lower than the same statement made plainly', () => {
    expect(confidenceOf('maybe they would be better off without me')).toBeLessThan(
      confidenceOf('they would be better off without me'),
    );
  });

  it('gives messages it does not act on a soft score below every standing signal, and no action', () => {
    const figurative = 'ik ga dood van het lachen';
    expect(run(figurative, nl)).toBeNull();
    const soft = crisisScores(normalizeText('My sister took her own life in 2009, I miss her'));
    expect(soft.suicide_risk).toBeGreaterThan(0);
    expect(soft.suicide_risk).toBeLessThan(0.4);
    const none = crisisScores(normalizeText('Lovely walk with the dog this morning'));
    expect(Object.values(none).every((v) => v === 0)).toBe(true);
    const standing = crisisScores(normalizeText('i want to kill myself tonight'));
    expect(standing.suicide_risk).toBe(confidenceOf('i want to kill myself tonight'));
  });
});
