import { describe, expect, it } from 'vitest';
import { detectConcepts, guessLanguage, lexiconStats } from '../../../../policies/detect/clinical/index.ts';
import { normalizeText } from '../../../../policies/detect/normalize.ts';

function found(text: string, lang: 'en' | 'nl' = 'en') {
  return detectConcepts(normalizeText(text), lang).map((m) => ({
    text: text.slice(m.span[0], m.span[1]),
    concept: m.concept,
    kind: m.kind,
    assertion: m.assertion,
  }));
}

describe('detectConcepts', () => {
  it('maps lay terms, abbreviations and brands to canonical concepts', () => {
    const got = found('Got T2D and COPD, on Lipitor and Ventolin; the blues are back.');
    expect(got.map((g) => g.concept)).toEqual([
      'type 2 diabetes',
      'chronic obstructive pulmonary disease',
      'atorvastatin',
      'salbutamol',
      'major depression',
    ]);
  });

  it('maps Dutch terms and brands to the English concept', () => {
    const got = found('Ik heb suikerziekte en slik thyrax; mijn moeder heeft hartfalen.', 'nl');
    expect(got.map((g) => [g.concept, g.assertion])).toEqual([
      ['diabetes', 'present'],
      ['levothyroxine', 'present'],
      ['heart failure', 'family'],
    ]);
  });

  it('undoes l33t spelling and takes the longest match', () => {
    expect(found('my tr4madol ran out')[0]).toMatchObject({ text: 'tr4madol', concept: 'tramadol' });
    expect(found('Severe chest pain now')[0]).toMatchObject({ concept: 'chest pain' });
    expect(found('type 1 diabetes since I was 9')[0]).toMatchObject({ text: 'type 1 diabetes' });
  });

  it('keeps acronyms that are also words case-sensitive', () => {
    expect(found('ms word crashed again').map((g) => g.concept)).toEqual([]);
    expect(found('I was diagnosed with MS')[0]).toMatchObject({ concept: 'multiple sclerosis' });
  });

  it('splits Dutch compounds on a known head or modifier', () => {
    const got = found('Het hooikoortsseizoen is begonnen.', 'nl');
    expect(got[0]).toMatchObject({ text: 'hooikoorts', concept: 'allergic rhinitis' });
  });

  it('reports original offsets when the text hides words with zero-width characters', () => {
    const text = 'I have asth\u200Bma today';
    const [m] = detectConcepts(normalizeText(text), 'en');
    expect(m?.concept).toBe('asthma');
    expect(text.slice(m!.span[0], m!.span[1])).toBe('asth\u200Bma');
  });

  it('recognises English plurals and abbreviations defined in the text', () => {
    expect(found('Brain tumors are rare.')[0]).toMatchObject({ concept: 'brain tumor' });
    const got = found("Crohn's disease (CrD) is chronic. CrD affects the gut.");
    expect(got.filter((g) => g.text === 'CrD').map((g) => g.concept)).toEqual([
      'crohn disease',
      'crohn disease',
    ]);
  });

  it('negates and historicises mentions in context', () => {
    expect(found('No fever, but I had a migraine years ago.').map((g) => g.assertion)).toEqual([
      'negated',
      'historical',
    ]);
  });
});

describe('guessLanguage and lexicon size', () => {
  it('tells Dutch from English by function words', () => {
    expect(guessLanguage('Ik weet niet of het een griep is')).toBe('nl');
    expect(guessLanguage('I do not know if it is the flu')).toBe('en');
  });

  it('ships more than 50,000 surface forms', () => {
    const s = lexiconStats();
    expect(s.forms.en + s.forms.nl).toBeGreaterThan(50_000);
    expect(s.concepts).toBeGreaterThan(10_000);
  });
});
