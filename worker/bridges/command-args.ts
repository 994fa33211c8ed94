/** `/ward bridge …` as data. */
export type BridgeCommand =
  | { verb: 'add'; source: string; channel: string; settings: Record<string, unknown> }
  | { verb: 'list' }
  | { verb: 'pause' | 'resume' | 'remove'; id: string };

/** Splits on spaces, keeping "double quoted" parts together. */
export function tokenize(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ''));
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const num = (v: string) => Number(v.replace(/[a-z]+$/i, ''));

// key=value options of `add`, mapped onto subscription settings.
/** Settings as `add` builds them, before validation. */
interface DraftSettings {
  filters: Record<string, unknown>;
  publisher?: { name: string; type: string };
  [key: string]: unknown;
}

const OPTIONS: Record<string, (s: DraftSettings, v: string) => void> = {
  include: (s, v) => (s.filters.include = list(v)),
  exclude: (s, v) => (s.filters.exclude = list(v)),
  regex: (s, v) => (s.filters.regex = v),
  lang: (s, v) => (s.filters.languages = list(v)),
  quality: (s, v) => (s.filters.min_quality = v),
  max_age: (s, v) => (s.max_age_hours = num(v)),
  rate: (s, v) => (s.rate_per_hour = num(v)),
  daily: (s, v) => (s.daily_cap = num(v)),
  interval: (s, v) => (s.interval_minutes = num(v)),
  template: (s, v) => (s.template = v.replace(/\\n/g, '\n')),
  publisher: (s, v) => (s.publisher = { ...(s.publisher ?? { type: 'news' }), name: v }),
  publisher_type: (s, v) => (s.publisher = { ...(s.publisher ?? { name: 'unknown' }), type: v }),
  max_failures: (s, v) => (s.max_failures = num(v)),
};

/** Usage of `/ward bridge`. */
export const BRIDGE_USAGE =
  'Usage: /ward bridge add <feed URL | #tag@mastodon.instance | bluesky:<query>> <#channel> [include=a,b exclude=c regex="…" lang=en,nl quality=journal max_age=72 rate=6 daily=30 interval=15 publisher="…" publisher_type=guideline] | list | pause <id> | resume <id> | remove <id>';

/** Parses the words after `/ward bridge`; unknown input is an error carrying the usage. */
export function parseBridgeCommand(text: string): BridgeCommand | { error: string } {
  const [verb = '', ...rest] = tokenize(text.trim());
  if (verb === 'list') return { verb: 'list' };
  if (verb === 'pause' || verb === 'resume' || verb === 'remove') {
    return rest[0] ? { verb, id: rest[0] } : { error: BRIDGE_USAGE };
  }
  if (verb !== 'add' || rest.length < 2) return { error: BRIDGE_USAGE };
  const [source = '', channel = '', ...opts] = rest;
  const settings: DraftSettings = { filters: {} };
  for (const opt of opts) {
    const eq = opt.indexOf('=');
    const apply = eq > 0 ? OPTIONS[opt.slice(0, eq)] : undefined;
    if (!apply) return { error: `unknown option ${opt.slice(0, Math.max(eq, 0)) || opt}; ${BRIDGE_USAGE}` };
    apply(settings, opt.slice(eq + 1));
  }
  return { verb: 'add', source, channel, settings };
}
