import { describe, expect, it } from 'vitest';
import { assertionFor } from '../../../../policies/detect/clinical/assertion.ts';

function at(text: string, term: string, lang: 'en' | 'nl' = 'en') {
  const i = text.indexOf(term);
  if (i < 0) throw new Error(`term not in text: ${term}`);
  return assertionFor(text, [i, i + term.length], lang);
}

describe('assertionFor (English)', () => {
  it.each([
    ['I have no thoughts of ending it, just tired.', 'thoughts of ending it', 'negated'],
    ['No chest pain, fever or cough since Monday.', 'cough', 'negated'],
    ['The CT was negative for stroke.', 'stroke', 'negated'],
    ['I am not only tired but also dizzy.', 'tired', 'present'],
    ['No fever but my cough is getting worse.', 'cough', 'present'],
    ['My late brother took his own life in 2015.', 'took his own life', 'family'],
    ['My mother had breast cancer.', 'breast cancer', 'family'],
    ['My elderly dad says he has chest pain.', 'chest pain', 'family'],
    ["My neighbour's kids have chickenpox.", 'chickenpox', 'present'],
    ['What if it is diabetes?', 'diabetes', 'hypothetical'],
    ['My GP suspects asthma.', 'asthma', 'hypothetical'],
    ['I had depression years ago.', 'depression', 'historical'],
    ['I used to take sertraline.', 'sertraline', 'historical'],
    ["I've had type 1 diabetes for twenty years.", 'type 1 diabetes', 'present'],
    ['Should I take my metformin before the scan?', 'metformin', 'present'],
    ['Is ibuprofen safe with a stomach ulcer?', 'ibuprofen', 'hypothetical'],
    ['Eczema is common in toddlers.', 'Eczema', 'hypothetical'],
    ['I am allergic to penicillin and I cannot find my EpiPen.', 'EpiPen', 'present'],
  ] as const)('%s → %s is %s', (text, term, want) => {
    expect(at(text, term)).toBe(want);
  });
});

describe('assertionFor (Dutch)', () => {
  it.each([
    ['Ik heb geen koorts meer.', 'koorts', 'negated'],
    ['Ik ben niet alleen moe maar ook duizelig.', 'moe', 'present'],
    ['Misschien is het migraine.', 'migraine', 'hypothetical'],
    ['Mijn zus heeft epilepsie.', 'epilepsie', 'family'],
    ['Mijn oudste zoon heeft astma.', 'astma', 'family'],
    ['Ik had vroeger een depressie.', 'depressie', 'historical'],
    ['Ik heb geen pijn op de borst, maar wel hoofdpijn.', 'hoofdpijn', 'present'],
    ['Geen pijn op de borst, maar wel hoofdpijn.', 'pijn op de borst', 'negated'],
    ['Mag ik ibuprofen nemen bij een maagzweer?', 'ibuprofen', 'hypothetical'],
    ['Ik gebruik metformine sinds 2019.', 'metformine', 'present'],
  ] as const)('%s → %s is %s', (text, term, want) => {
    expect(at(text, term, 'nl')).toBe(want);
  });
});
