import registry from './crisis-lines.json' with { type: 'json' };

/** One crisis line as shipped in crisis-lines.json; every entry carries its sources and the date it was checked. */
export interface CrisisLine {
  id: string;
  name: string;
  languages: string[];
  phone?: string[];
  text?: { number: string; keyword?: string };
  chat?: string;
  email?: string;
  hours: string;
  cost?: string;
  history?: string;
  source: string[];
  verified_on: string;
}

/** The emergency number of a country, with its source. */
export interface EmergencyNumber {
  number: string;
  source: string;
  verified_on: string;
}

/** What a locale resolves to: its country, emergency number and crisis lines (locale's language first). */
export interface CrisisLinesForLocale {
  country: string;
  emergency: EmergencyNumber;
  lines: CrisisLine[];
}

interface CountryEntry {
  emergency: EmergencyNumber;
  lines: CrisisLine[];
}

const COUNTRIES = registry.countries as Record<string, CountryEntry>;

/** Registry version (the date of the last full review). */
export const CRISIS_LINES_VERSION: string = registry.version;

// Language-only locales fall back to the country most communities with that language are in.
const LANGUAGE_DEFAULT_COUNTRY: Record<string, string> = { nl: 'NL', en: 'GB', de: 'DE', fr: 'FR' };
const COUNTRY_ALIASES: Record<string, string> = { UK: 'GB' };

/** Resolves a locale such as `nl-BE`, `en_GB` or `nl` to a registry country code, or null. */
export function countryForLocale(locale: string): string | null {
  const [rawLang, rawRegion] = locale.trim().split(/[-_]/);
  const region = rawRegion?.toUpperCase();
  if (region) {
    const country = COUNTRY_ALIASES[region] ?? region;
    if (COUNTRIES[country]) return country;
  }
  const lang = rawLang?.toLowerCase() ?? '';
  return LANGUAGE_DEFAULT_COUNTRY[lang] ?? null;
}

/** Crisis lines for a locale, lines in the locale's language first; null when the country is not in the registry. */
export function crisisLinesFor(locale: string): CrisisLinesForLocale | null {
  const country = countryForLocale(locale);
  if (!country) return null;
  const entry = COUNTRIES[country];
  if (!entry) return null;
  const lang = locale.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  const lines = [...entry.lines].sort(
    (a, b) => Number(b.languages.includes(lang)) - Number(a.languages.includes(lang)),
  );
  return { country, emergency: entry.emergency, lines };
}

/** Every country code in the registry. */
export function crisisLineCountries(): string[] {
  return Object.keys(COUNTRIES);
}

/** Ids of entries (lines and emergency numbers) that lack a source or verified date, or were verified more than `maxAgeDays` before `now`. */
export function staleCrisisLineEntries(now: Date, maxAgeDays: number): string[] {
  const stale: string[] = [];
  const limit = now.getTime() - maxAgeDays * 86_400_000;
  const tooOld = (date: string) => {
    const t = Date.parse(date);
    return Number.isNaN(t) || t < limit || t > now.getTime();
  };
  for (const [country, entry] of Object.entries(COUNTRIES)) {
    if (!entry.emergency.source || !entry.emergency.verified_on || tooOld(entry.emergency.verified_on)) {
      stale.push(`${country}.emergency`);
    }
    for (const line of entry.lines) {
      const sources = line.source.filter((s) => /^https:\/\//.test(s));
      if (sources.length === 0 || !line.verified_on || tooOld(line.verified_on)) stale.push(line.id);
    }
  }
  return stale;
}
