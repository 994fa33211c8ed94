import { describe, expect, it } from 'vitest';
import { found, typesIn } from './helpers.ts';

describe('names', () => {
  it.each([
    ['Dr. Helena Marsh has kindly agreed to answer questions', 'Helena Marsh'],
    ['Kunnen we mevrouw Truus Veenstra bespreken?', 'Truus Veenstra'],
    ['Dokter Hamstra, u heeft uw diploma zeker gekocht', 'Hamstra'],
    ['my neighbour Jan de Vries has diabetes', 'Jan de Vries'],
    ['Hallo, ik ben Pieter Hofman uit Deventer.', 'Pieter Hofman'],
    ['Mijn zus Fenna zegt dat ze moe is', 'Fenna'],
    ["Of course you're ill, Glenda, look at you.", 'Glenda'],
    ['Trevor, every time you post the chat gets dumber.', 'Trevor'],
    ['My name is Ján M. Novák but everyone calls me Ján', 'Ján M. Novák'],
    ['Morrison, Rogers and Torres founded it', 'Morrison'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toContainEqual(['NAME', expected]);
  });

  it('keeps the title out of the span', () => {
    expect(found('Ask Mrs Elaine Ford on ward 3')).toContainEqual(['NAME', 'Elaine Ford']);
  });

  it.each([
    "I was diagnosed with Parkinson's this spring.",
    "My Crohn's is flaring and I can't find my EpiPen.",
    'The next meeting is on Monday in March, see you in May.',
    'Volgende week vlieg ik naar Curaçao. Hoe zit het met Singapore?',
    'Does Medicare cover continuous glucose monitors?',
    'Light box on my desk from today. Essential oils are not medicine.',
    'Is metformin or Ozempic better? Ask Dr Google lol',
    'De huisarts heeft mijn vader doorverwezen naar de geheugenpoli.',
  ])('leaves %j alone', (text) => {
    expect(typesIn(text)).not.toContain('NAME');
  });
});

describe('addresses, birth dates, ages and person-tied places', () => {
  it.each([
    ['Ik ben Gerda Smits, Molenweg 9, 6871 BC Renkum. Ik gebruik', 'ADDRESS', 'Molenweg 9, 6871 BC Renkum'],
    [
      'at my place, 27 Hollybush Lane, Norwich NR2 4PL. Tea provided.',
      'ADDRESS',
      '27 Hollybush Lane, Norwich NR2 4PL',
    ],
    [
      'Beatrice Lang, 1187 Maple Street, Springfield, if the nurse',
      'ADDRESS',
      '1187 Maple Street, Springfield',
    ],
    ['Lindenlaan 23, 7311 KD Apeldoorn', 'ADDRESS', 'Lindenlaan 23, 7311 KD Apeldoorn'],
    ['Naomi here (born 5 April 1979), count me in', 'DATE_OF_BIRTH', '5 April 1979'],
    ['Hanneke Vos (geboren 5 april 1981)', 'DATE_OF_BIRTH', '5 april 1981'],
    ['DOB: 14/02/1988', 'DATE_OF_BIRTH', '14/02/1988'],
    ['geb. 12-07-1985, woont alleen', 'DATE_OF_BIRTH', '12-07-1985'],
    ['my 94-year-old gran', 'AGE', '94'],
    ['Sanne Bakker uit Zwolle heeft MS', 'LOCATION', 'Zwolle'],
    ['The receptionist at Oakfield Dental, Priscilla, told me', 'ORGANIZATION', 'Oakfield Dental'],
  ])('finds %j', (text, type, expected) => {
    expect(found(text)).toContainEqual([type, expected]);
  });

  it('does not mark ordinary dates, young ages or general places', () => {
    expect(typesIn('My suicide attempt was in 2014. Appointment on 12/03/2025.')).toEqual([]);
    expect(typesIn('Ik ben 54 en heb dit voorjaar de diagnose gekregen.')).toEqual([]);
    expect(typesIn('I moved to Amsterdam in 2019 and love it.')).toEqual([]);
  });
});

describe('harder names and person-tied places', () => {
  it.each([
    ['Mijn buurvrouw mevrouw Jansen-de Wit heeft dementie', 'NAME', 'Jansen-de Wit'],
    ["Contact Sarah O'Connor today", 'NAME', "Sarah O'Connor"],
    ['Groetjes, Femke', 'NAME', 'Femke'],
    ['she is treated at the Jeroen Bosch Ziekenhuis, Sanne says', 'ORGANIZATION', 'Jeroen Bosch Ziekenhuis'],
    ['My sister Anna works at the Albert Heijn on Kerkstraat', 'LOCATION', 'Kerkstraat'],
    ['the Tesco on Mill Road, Dave, told everyone', 'LOCATION', 'Mill Road'],
    ['Anna works at Philips in Eindhoven', 'LOCATION', 'Eindhoven'],
  ])('finds %j', (text, type, expected) => {
    expect(found(text)).toContainEqual([type, expected]);
  });

  it.each([
    "Diagnosed with Hashimoto's disease and Bell's palsy last year.",
    'Like I said, Mine does too. Once I got home I read German Lieder.',
    'Sure it blows that you may have to miss New Years Eve.',
    'I live in London and work in Amsterdam.',
  ])('leaves %j alone', (text) => {
    expect(typesIn(text)).toEqual([]);
  });
});

describe('multi-line addresses', () => {
  it('reports one span per line that holds a number, leaving a lone town line to the location rules', () => {
    const text = 'Maria Jansen\nKerkstraat 12\nBus 3\nUtrecht\n3511 AB Utrecht';
    expect(found(text).filter(([t]) => t === 'ADDRESS')).toEqual([
      ['ADDRESS', 'Kerkstraat 12'],
      ['ADDRESS', 'Bus 3'],
      ['ADDRESS', '3511 AB Utrecht'],
    ]);
  });
});
