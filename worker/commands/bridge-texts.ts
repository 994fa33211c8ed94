import type { BridgeProblemCode } from './bridge-outcome.ts';

/** What a problem text may use: its detail and the channels bridges can post to. */
interface ProblemParams {
  detail: string;
  channels: string;
}

/** The words of `/ward bridge` answers in one language. */
export interface BridgeTexts {
  refused: string;
  usage: string;
  problems: Record<BridgeProblemCode, (p: ProblemParams) => string>;
  /** Source-spec reasons (worker/bridges/parse-source.ts wording) in this language; English needs none. */
  sourceReasons: Record<string, string>;
  /** Fetch failure codes in words. */
  fetchReasons: Record<string, string>;
  noChannels: string;
  added(p: { id: string; what: string; channel: string; items: number | null }): string;
  exists(id: string, state: string): string;
  paused(id: string): string;
  resumed(id: string, state: string): string;
  removed(id: string): string;
  empty: string;
  header(n: number): string;
  states: Record<string, string>;
  pausedBy: Record<string, string>;
  failures(n: number, code: string): string;
  fromConfig: string;
  more(n: number): string;
}

const OPTIONS =
  'include=a,b exclude=c regex="…" lang=en,nl quality=journal max_age=72 rate=6 daily=30 interval=15 publisher="…" publisher_type=guideline template="…" max_failures=5';

/** English. */
export const en: BridgeTexts = {
  refused: 'Only moderators can manage bridges.',
  usage: [
    'Usage:',
    '• /ward bridge add <feed URL | #tag@mastodon.social | bluesky:<query>> <#channel> [options]',
    '• /ward bridge list',
    '• /ward bridge pause|resume|remove <id>',
    `Options: ${OPTIONS}`,
  ].join('\n'),
  problems: {
    usage: () => en.usage,
    unknown_option: (p) => `Unknown option "${p.detail}". Options: ${OPTIONS}`,
    bad_source: (p) => `That source cannot be bridged: ${p.detail}.`,
    unknown_channel: (p) =>
      `${p.detail} is not a channel in Ward's configuration. Bridges can post to: ${p.channels}.`,
    bad_settings: (p) => `These options have an invalid value: ${p.detail}.`,
    bad_regex: () => 'The regex is not valid RE2 syntax (no back-references or look-arounds).',
    no_bridge: (p) => `There is no bridge "${p.detail}". /ward bridge list shows the ids.`,
    ambiguous_id: (p) => `"${p.detail}" matches more than one bridge; give more of its id.`,
    config_bridge: (p) =>
      `Bridge ${p.detail} is declared in the community config file; change it there (pausing it here works).`,
    not_a_feed: () =>
      "That address answered, but not with a feed Ward can read (RSS, Atom, JSON Feed, or a Mastodon or Bluesky timeline). A site's feed address often ends in /feed, /rss or .xml.",
    private_address: () =>
      'That address is on a private or local network; bridges only fetch public addresses.',
    bad_url: () => 'That address cannot be fetched: only http and https, without a user name or password.',
    http_status: (p) => `The source answered with HTTP ${p.detail}; check the address.`,
    unreachable: (p) =>
      `The source could not be fetched (${p.detail}). Check the address, or try again later.`,
  },
  sourceReasons: {},
  fetchReasons: {
    timeout: 'no answer in time',
    network: 'no connection',
    too_large: 'larger than 5 MB',
    too_many_redirects: 'too many redirects',
  },
  noChannels: 'no channels are configured yet',
  added: (p) =>
    `Bridge ${p.id} added: ${p.what} → ${p.channel}. It first learns what the source has now${p.items === null ? '' : ` (${p.items} items)`} without posting any of it; after that, new items are posted.`,
  exists: (id, state) => `That bridge exists already: ${id} (${state}).`,
  paused: (id) => `Bridge ${id} is paused; nothing is lost. /ward bridge resume ${id} starts it again.`,
  resumed: (id, state) => `Bridge ${id} runs again (${state}).`,
  removed: (id) =>
    `Bridge ${id} is removed. What it already saw is not posted again if the same source is added back.`,
  empty:
    'No bridges yet. Add one with /ward bridge add <feed URL | #tag@mastodon.social | bluesky:<query>> <#channel>.',
  header: (n) => `Bridges (${n}):`,
  states: { learning: 'learning', active: 'active', paused: 'paused', removed: 'removed' },
  pausedBy: { moderator: 'by a moderator', config: 'in the config', failures: 'after repeated failures' },
  failures: (n, code) => `${n} failed polls (${code})`,
  fromConfig: 'from config',
  more: (n) => `…and ${n} more.`,
};

/** Dutch. */
export const nl: BridgeTexts = {
  refused: 'Alleen moderatoren kunnen koppelingen (bridges) beheren.',
  usage: [
    'Gebruik:',
    '• /ward bridge add <feed-URL | #tag@mastodon.social | bluesky:<zoekterm>> <#kanaal> [opties]',
    '• /ward bridge list',
    '• /ward bridge pause|resume|remove <id>',
    `Opties: ${OPTIONS}`,
  ].join('\n'),
  problems: {
    usage: () => nl.usage,
    unknown_option: (p) => `Onbekende optie "${p.detail}". Opties: ${OPTIONS}`,
    bad_source: (p) => `Die bron kan Ward niet koppelen: ${p.detail}.`,
    unknown_channel: (p) =>
      `${p.detail} is geen kanaal in de configuratie van Ward. Koppelingen kunnen posten in: ${p.channels}.`,
    bad_settings: (p) => `Deze opties hebben een ongeldige waarde: ${p.detail}.`,
    bad_regex: () => 'De regex is geen geldige RE2-syntaxis (geen terugverwijzingen of look-arounds).',
    no_bridge: (p) => `Er is geen koppeling "${p.detail}". /ward bridge list toont de id's.`,
    ambiguous_id: (p) => `"${p.detail}" past bij meer dan één koppeling; geef meer tekens van de id.`,
    config_bridge: (p) =>
      `Koppeling ${p.detail} staat in het configuratiebestand van de community; pas haar daar aan (pauzeren kan hier wel).`,
    not_a_feed: () =>
      'Dat adres antwoordt, maar niet met een feed die Ward kan lezen (RSS, Atom, JSON Feed, of een Mastodon- of Bluesky-tijdlijn). Het feedadres van een site eindigt vaak op /feed, /rss of .xml.',
    private_address: () =>
      'Dat adres ligt in een privé- of lokaal netwerk; koppelingen halen alleen openbare adressen op.',
    bad_url: () =>
      'Dat adres kan niet worden opgehaald: alleen http en https, zonder gebruikersnaam of wachtwoord.',
    http_status: (p) => `De bron antwoordde met HTTP ${p.detail}; controleer het adres.`,
    unreachable: (p) =>
      `De bron kon niet worden opgehaald (${p.detail}). Controleer het adres of probeer het later opnieuw.`,
  },
  sourceReasons: {
    'the Bluesky AppView address is not a URL': 'het adres van de Bluesky-AppView is geen URL',
    'a hashtag has letters, digits and underscores only':
      'een hashtag bevat alleen letters, cijfers en liggende streepjes',
    'the Mastodon instance is not a host name or URL': 'de Mastodon-server is geen hostnaam of URL',
    'name where to follow the hashtag: #tag@mastodon.social or bluesky:#tag':
      'zeg waar de hashtag gevolgd moet worden: #tag@mastodon.social of bluesky:#tag',
    'a source is a feed URL, #tag@mastodon.instance or bluesky:<query>':
      'een bron is een feed-URL, #tag@mastodon.server of bluesky:<zoekterm>',
    'only http and https feeds': 'alleen http- en https-feeds',
  },
  fetchReasons: {
    timeout: 'geen antwoord op tijd',
    network: 'geen verbinding',
    too_large: 'groter dan 5 MB',
    too_many_redirects: 'te veel doorverwijzingen',
  },
  noChannels: 'er zijn nog geen kanalen geconfigureerd',
  added: (p) =>
    `Koppeling ${p.id} toegevoegd: ${p.what} → ${p.channel}. Eerst leert ze wat de bron nu bevat${p.items === null ? '' : ` (${p.items} items)`}, zonder daarvan iets te posten; daarna worden nieuwe items gepost.`,
  exists: (id, state) => `Die koppeling bestaat al: ${id} (${state}).`,
  paused: (id) =>
    `Koppeling ${id} is gepauzeerd; er gaat niets verloren. /ward bridge resume ${id} zet haar weer aan.`,
  resumed: (id, state) => `Koppeling ${id} loopt weer (${state}).`,
  removed: (id) =>
    `Koppeling ${id} is verwijderd. Wat ze al zag, wordt niet opnieuw gepost als dezelfde bron later terugkomt.`,
  empty:
    'Nog geen koppelingen. Voeg er een toe met /ward bridge add <feed-URL | #tag@mastodon.social | bluesky:<zoekterm>> <#kanaal>.',
  header: (n) => `Koppelingen (${n}):`,
  states: { learning: 'lerend', active: 'actief', paused: 'gepauzeerd', removed: 'verwijderd' },
  pausedBy: {
    moderator: 'door een moderator',
    config: 'in de configuratie',
    failures: 'na herhaalde fouten',
  },
  failures: (n, code) => `${n} mislukte pogingen (${code})`,
  fromConfig: 'uit configuratie',
  more: (n) => `…en nog ${n}.`,
};

/** The texts for a locale such as `nl-NL` (Dutch) or anything else (English). */
export function bridgeTexts(locale: string | null | undefined): BridgeTexts {
  return locale?.toLowerCase().startsWith('nl') ? nl : en;
}
