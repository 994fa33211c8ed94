import { describe, expect, it } from 'vitest';
import { found, typesIn } from './helpers.ts';

describe('e-mail detection', () => {
  it.each([
    ['mail me at jan.devries@example.nl please', 'jan.devries@example.nl'],
    ['write to sales.\u200bmike@glucotrack.example', 'sales.\u200bmike@glucotrack.example'],
    ['mail іnfo.jеroen@sensorshop.example nu', 'іnfo.jеroen@sensorshop.example'],
    ['email k dot morales at yahoo dot com if you want', 'k dot morales at yahoo dot com'],
    [
      'mail joris punt dekker apenstaartje hotmail punt com',
      'joris punt dekker apenstaartje hotmail punt com',
    ],
    ['contact j o h n @ g m a i l . c o m today', 'j o h n @ g m a i l . c o m'],
    ['me: anna (at) voorbeeld (dot) nl', 'anna (at) voorbeeld (dot) nl'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toContainEqual(['EMAIL', expected]);
  });

  it('does not act on role mailboxes or prose with "at"', () => {
    expect(typesIn('Questions go to events@example.org')).not.toContain('EMAIL');
    expect(typesIn('Look at the website dot com page later')).not.toContain('EMAIL');
    expect(typesIn('I was at home all day')).toEqual([]);
  });
});

describe('phone detection', () => {
  it.each([
    ['Call me on 555-0162 tonight', '555-0162'],
    ['Bel me op 06-71 93 28 40 dan', '06-71 93 28 40'],
    ['bel +31 (0)6-2047 8813 als je wilt', '+31 (0)6-2047 8813'],
    ['My number is 0 7 7 0 0 - 9 0 0 - 6 3 1, text me', '0 7 7 0 0 - 9 0 0 - 6 3 1'],
    ['Aanmelden via 0.6-3.3.8.2.7.1.5.0', '0.6-3.3.8.2.7.1.5.0'],
    ['ring 07700 900 372 any time', '07700 900 372'],
    ['Desk: (602)272-9781', '(602)272-9781'],
    [
      'Mijn nummer is nul zes drie één vier zeven twee acht negen nul, app me',
      'nul zes drie één vier zeven twee acht negen nul',
    ],
    [
      'call plus four four seven seven double oh nine zero zero three seven two',
      'plus four four seven seven double oh nine zero zero three seven two',
    ],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toContainEqual(['PHONE', expected]);
  });

  it.each([
    'In the US you can call or text 988 any time.',
    'De chat van 113 is anoniem, of bel 0800-0113.',
    'Samaritans are on 116 123, day or night.',
    'In an emergency call 112 or 999 or 911.',
    'Update to version 2.14.3.1 fixed it',
    'Born 12-07-1985 and diagnosed 14/02/1988',
    'It costs €1.299.000 or $1,250,000 in total',
    'Order #100234567 has not arrived, order number 55512345 either',
    'The meeting is at 19:30, room 204, 2025-03-14',
    'Take 500 mg twice a day, 1000 mg max, 20% less',
    'HbA1c of 48 and creatinine up 20% in 2014, 2015 and 2016',
  ])('leaves %j alone', (text) => {
    expect(typesIn(text)).not.toContain('PHONE');
  });
});

describe('links and handles', () => {
  it('reads digits inside a link as part of the link, never as a phone number or an id', () => {
    for (const id of [
      '67123375-414b-4c2f-9a1e-123456789012',
      '19976043-3b1e-4217-897e-8e20e6c7782f',
      '0612345678',
    ]) {
      const types = typesIn(`New review: http://127.0.0.1:41234/articles/${id}?utm_source=rss`);
      expect(types).not.toContain('PHONE');
      expect(types).not.toContain('ID');
    }
    expect(typesIn('call 06 12 34 56 78 or see https://example.org/info')).toContain('PHONE');
  });

  it('scores personal links high and shop links low', () => {
    expect(found('My story: https://example-charity.org/stories/lucy-whitmore, so proud.')).toContainEqual([
      'URL',
      'https://example-charity.org/stories/lucy-whitmore',
    ]);
    expect(typesIn('Order now at joint-ease.example.store or https://www.nhs.uk/conditions/asthma/')).toEqual(
      [],
    );
  });

  it('finds profile links without a scheme, wherever they sit in the message', () => {
    expect(found('/ see facebook.com/anna.devries for pics')).toContainEqual([
      'URL',
      'facebook.com/anna.devries',
    ]);
    expect(found('Mijn blog: mijnverhaal.nl/over-mij, https://x.com/anna_dv')).toEqual([
      ['URL', 'mijnverhaal.nl/over-mij'],
      ['URL', 'https://x.com/anna_dv'],
    ]);
  });

  it('finds @handles, discord tags and cued usernames but not group mentions', () => {
    expect(found('Look at @sunny_side_sue photos')).toContainEqual(['HANDLE', '@sunny_side_sue']);
    expect(found('add me moonlit_fern#4471 on discord')).toContainEqual(['HANDLE', 'moonlit_fern#4471']);
    expect(found('snap me @ sk8rgrl_02')).toContainEqual(['HANDLE', 'sk8rgrl_02']);
    expect(typesIn('@here and @everyone: meeting moved')).toEqual([]);
  });
});

describe('more contact forms', () => {
  it.each([
    [
      'Mijn nummer: nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig',
      'nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig',
    ],
    [
      'ring oh seven seven hundred, nine zero zero, three seven two',
      'oh seven seven hundred, nine zero zero, three seven two',
    ],
    ['of 0031 6 1234 5678 bellen', '0031 6 1234 5678'],
  ])('finds the phone in %j', (text, expected) => {
    expect(found(text)).toContainEqual(['PHONE', expected]);
  });

  it('treats freephone and named clinic landlines as organisational (below the threshold)', () => {
    expect(typesIn('Call the clinic on 0800 123 4567 (free)')).toEqual([]);
    expect(typesIn('Bel de praktijk op 020-5551234')).toEqual([]);
    expect(found('bel me op 020-5551234')).toContainEqual(['PHONE', '020-5551234']);
  });

  it('does not read counted things as a spelled phone number', () => {
    expect(typesIn('I have two kids, three dogs and one cat, five fish and six birds.')).toEqual([]);
  });

  it('finds labelled usernames and reddit users, not platform talk', () => {
    expect(found('my insta is gracelin, reddit u/quiet_harbour')).toEqual([
      ['HANDLE', 'gracelin'],
      ['HANDLE', 'u/quiet_harbour'],
    ]);
    expect(typesIn('Instagram is toxic tbh')).toEqual([]);
  });
});
