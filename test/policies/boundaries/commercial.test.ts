import { describe, expect, it } from 'vitest';
import { CommercialPolicy } from '../../../policies/boundaries/commercial.ts';
import { contextFor, type TestMessage } from '../safety/context.ts';

const run = (text: string, opts: TestMessage = {}) =>
  CommercialPolicy.evaluate(contextFor(text, opts), CommercialPolicy.configSchema.parse(undefined));

describe('commercial policy', () => {
  it.each([
    'Our magnesium gummies calm your nerves. Order now at calm-store.example.shop',
    'Use my code HEALTH20 for 20% off the protein shakes!',
    'Buying Ozempic without a prescription? No prescription needed, DM me.',
    'My new ebook on healing your gut is out, only $9.99 this week!',
    'FREE entry to win a £1000 prize! Text WIN to 80082 now.',
    'Bestel nu onze kurkuma-capsules met 20% korting.',
    'In mijn praktijk is nog plek, eerste consult €45.',
    'Wij kopen je ongebruikte insulinepennen voor contant geld.',
  ])('holds: %s', (text) => {
    const d = run(text)!;
    expect(d.findings[0]!.code).toBe('boundary.commercial');
    expect(d.verdict).toBe('hold');
  });

  it.each([
    'Can anyone recommend a good blood pressure monitor?',
    'Does the insurance pay for the glucose sensor?',
    'Weet iemand een goede fysiotherapeut in Utrecht?',
    'Thanks to @bea_knits for the raffle prizes!',
  ])('leaves alone: %s', (text) => expect(run(text)).toBeNull());

  it('does not check moderators', () => {
    expect(run('Book now for the charity walk, only £5!', { roles: ['moderator'] })).toBeNull();
  });
});
