import { matchTokens } from './match-tokens.ts';

// Function words frequent in one language and rare in the other.
const NL = new Set(
  'de het een en van ik je jij niet is dat die met voor op zijn maar ook mijn wat er aan bij al nog heb heeft geen wel naar om kan mag moet zo dan ben we wij ze hij zij hoe waarom wie deze dit mij me jullie onze ons uw u iets niets wordt worden werd was waren had hebben gaan ga gaat kun kunt zou zal veel weer nu toch eens even gewoon echt heel alleen nooit altijd iemand iedereen'.split(
    ' ',
  ),
);
const EN = new Set(
  'the a an and of i you not is that this with for on are but also my what there to in have has no can should it was be me we they he she his her how why who these those them our your just do does did will would could get got been being had any some about from if or so then than very really only never always someone everyone'.split(
    ' ',
  ),
);

/** Cheap language guess from function words; ties and unknowns go to English. */
export function guessLanguage(text: string): 'en' | 'nl' {
  let nl = 0;
  let en = 0;
  for (const t of matchTokens(text)) {
    if (NL.has(t.key)) nl++;
    if (EN.has(t.key)) en++;
  }
  return nl > en ? 'nl' : 'en';
}

/** The lexicon language for a locale such as `nl-NL`, or null when the locale names neither. */
export function languageOfLocale(locale: string | null | undefined): 'en' | 'nl' | null {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return base === 'nl' ? 'nl' : base === 'en' ? 'en' : null;
}
