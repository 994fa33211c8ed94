import { RE2JS } from 're2js';
import type { BridgeItem, SourceQuality } from '../../bots/bridges/contract.ts';
import { BRIDGE_QUALITY } from '../../policies/core/community-config.ts';
import type { BridgeSettings } from './settings.ts';
import { comparableText } from './item-keys.ts';

/** Why an item is not posted, before policies: a filter name, never the matched text. */
export type FilterOutcome =
  | { pass: true }
  | { pass: false; reason: 'too_old' | 'include' | 'exclude' | 'regex' | 'language' | 'quality' };

/** A subscription's filters, compiled once per poll (regexes run on RE2, so a pattern can never backtrack). */
export interface CompiledFilters {
  test(item: BridgeItem, quality: SourceQuality, now: Date): FilterOutcome;
}

/** Compiles filters; throws `RE2JSSyntaxException` for an invalid regex (commands check it up front). */
export function compileFilters(settings: BridgeSettings): CompiledFilters {
  const f = settings.filters;
  const include = f.include.map(comparableText).filter(Boolean);
  const exclude = f.exclude.map(comparableText).filter(Boolean);
  const regex = f.regex ? RE2JS.compile(f.regex, RE2JS.CASE_INSENSITIVE) : null;
  const languages = f.languages.map((l) => l.toLowerCase().slice(0, 2));
  const minRank = f.min_quality ? BRIDGE_QUALITY.indexOf(f.min_quality) : 0;
  const maxAgeMs = settings.max_age_hours * 3_600_000;
  const has = (text: string, term: string) => ` ${text} `.includes(` ${term} `);
  return {
    test(item, quality, now) {
      if (item.publishedAt && now.getTime() - item.publishedAt.getTime() > maxAgeMs)
        return { pass: false, reason: 'too_old' };
      if (BRIDGE_QUALITY.indexOf(quality) < minRank) return { pass: false, reason: 'quality' };
      const lang = item.language?.toLowerCase().slice(0, 2);
      if (languages.length && lang && !languages.includes(lang)) return { pass: false, reason: 'language' };
      const text = comparableText(`${item.title} ${item.summary}`);
      if (include.length && !include.some((t) => has(text, t))) return { pass: false, reason: 'include' };
      if (exclude.some((t) => has(text, t))) return { pass: false, reason: 'exclude' };
      if (regex && !regex.matcher(`${item.title}\n${item.summary}`).find())
        return { pass: false, reason: 'regex' };
      return { pass: true };
    },
  };
}
