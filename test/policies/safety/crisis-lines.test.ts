import { describe, expect, it } from 'vitest';
import {
  countryForLocale,
  crisisLineCountries,
  crisisLinesFor,
  staleCrisisLineEntries,
} from '../../../policies/safety/crisis-lines.ts';

// Entries must be re-verified against their source within this many days (override with CRISIS_LINES_MAX_AGE_DAYS).
const MAX_AGE_DAYS = Number(process.env['CRISIS_LINES_MAX_AGE_DAYS'] ?? 365);

describe('crisis-line registry', () => {
  it('covers at least NL, BE, UK, IE, US, CA, AU, DE and FR', () => {
    expect(crisisLineCountries()).toEqual(
      expect.arrayContaining(['NL', 'BE', 'GB', 'IE', 'US', 'CA', 'AU', 'DE', 'FR']),
    );
  });

  it('has a source and a recent verified date for every entry', () => {
    expect(staleCrisisLineEntries(new Date(), MAX_AGE_DAYS)).toEqual([]);
  });

  it('flags entries older than the configured age', () => {
    expect(staleCrisisLineEntries(new Date('2030-01-01'), 30)).toContain('nl-113');
  });

  it('gives the Dutch 113 line with both 113 and the free 0800-0113 number, never the old 0900 number', () => {
    const nl = crisisLinesFor('nl-NL')!;
    expect(nl.lines[0]!.phone).toEqual(['113', '0800-0113']);
    expect(JSON.stringify(nl.lines.map((l) => l.phone))).not.toContain('0900');
    expect(nl.emergency.number).toBe('112');
  });

  it('picks the line in the locale language first in Belgium', () => {
    expect(crisisLinesFor('nl-BE')!.lines[0]!.id).toBe('be-1813');
    expect(crisisLinesFor('fr-BE')!.lines[0]!.id).toBe('be-cps');
  });

  it('resolves regions, aliases and bare languages', () => {
    expect(countryForLocale('en-GB')).toBe('GB');
    expect(countryForLocale('en_UK')).toBe('GB');
    expect(countryForLocale('en-IE')).toBe('IE');
    expect(countryForLocale('fr-CA')).toBe('CA');
    expect(countryForLocale('nl')).toBe('NL');
    expect(crisisLinesFor('en-US')!.lines[0]!.phone).toEqual(['988']);
    expect(crisisLinesFor('en-AU')!.emergency.number).toBe('000');
    expect(crisisLinesFor('ja-JP')).toBeNull();
  });
});
