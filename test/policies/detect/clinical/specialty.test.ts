import { describe, expect, it } from 'vitest';
import { detectConcepts, suggestSpecialty } from '../../../../policies/detect/clinical/index.ts';
import { normalizeText } from '../../../../policies/detect/normalize.ts';

function specialty(text: string, lang: 'en' | 'nl' = 'en', crisis?: string) {
  return suggestSpecialty(detectConcepts(normalizeText(text), lang), { text, lang, crisis });
}

describe('suggestSpecialty', () => {
  it.each([
    ['My HbA1c keeps rising on metformin, should I ask for insulin?', 'en', 'endocrinology'],
    ['Is it safe to stop my sertraline before the holiday?', 'en', 'psychiatry'],
    ['My toddler has a fever and a rash', 'en', 'pediatrics'],
    ['I forgot to take my warfarin yesterday, double dose today?', 'en', 'pharmacy'],
    ['Mijn reuma speelt op, moet ik de methotrexaat overslaan?', 'nl', 'rheumatology'],
    ['Ik heb pijn op de borst bij het traplopen', 'nl', 'cardiology'],
    ['Ik ben zwanger en heb last van misselijkheid', 'nl', 'obstetrics'],
    ['Does an inhaler help a chronic cough?', 'en', 'pulmonology'],
    ['Stung by a wasp and I think it is anaphylaxis', 'en', 'general_practice'],
  ] as const)('%s → %s', (text, lang, want) => {
    expect(specialty(text, lang)).toBe(want);
  });

  it('routes a suicide-risk crisis to psychiatry even without a clinical concept', () => {
    expect(specialty('By Friday it will all be over.', 'en', 'suicide_risk')).toBe('psychiatry');
    expect(specialty('By Friday it will all be over.', 'en')).toBe('general_practice');
  });
});
