import raw from './lexicon/names.json' with { type: 'json' };

// Word lists live in lexicon/names.json so that adding a language is adding words, not code.

/** First names (Dutch, Frisian, British, Irish and common immigrant names) that faker's lists lack. */
export const EXTRA_FIRST_NAMES: readonly string[] = raw.first_names;
/** Surnames (without tussenvoegsel) that faker's lists lack. */
export const EXTRA_SURNAMES: readonly string[] = raw.surnames;
/** Capitalised words that are names somewhere but far more often something else in chat; removed from the lexicons. */
export const COMMON_CAPITALISED: readonly string[] = raw.common_capitalised;
/** Capitalised words that never start or continue a name (calendar, pronouns, greetings, care units, health words). */
export const BLOCKED_NAME_WORDS: ReadonlySet<string> = new Set(raw.blocked_name_words);
/** Titles and forms of address (EN + NL), lower case without the dot. */
export const TITLES: ReadonlySet<string> = new Set(raw.titles);
/** Titles that are also ordinary words: they only count when capitalised. */
export const WEAK_TITLES: ReadonlySet<string> = new Set(raw.weak_titles);
/** Surname particles (Dutch tussenvoegsels and their European relatives), lower case. */
export const PARTICLES: ReadonlySet<string> = new Set(raw.particles);
/** Words right before a capitalised word that make it a person. */
export const PERSON_BEFORE: ReadonlySet<string> = new Set(raw.person_before);
/** Kinship, naming and greeting words right before a name: a strong person signal. */
export const STRONG_BEFORE: ReadonlySet<string> = new Set(raw.strong_before);
/** Words before a capitalised word that make it a place rather than a person. */
export const PLACE_BEFORE: ReadonlySet<string> = new Set(raw.place_before);
/** Verbs right after a name that make it a person ("Priscilla told", "Fenna zegt"). */
export const PERSON_AFTER: ReadonlySet<string> = new Set(raw.person_after);

/** Phrases after which the next capitalised words are a name ("my name is", "ik ben", "Name:"). */
export const INTRO_CUE =
  /(?:\bmy name is|\bname is|\bname's|\bname:|\bname\?|\bi'?m|\bi am|\bik ben|\bik heet|\bmijn naam is|\bnaam is|\bnaam:|\bmet de naam|\bit'?s under|\bunder|\bcalled|\bnamed|\bgenaamd|\bheet|\bsigned|\bregards,|\bgroet(?:en|jes)?,|\bcall me|\bnoem me|\bcontact|\bask for|\bvraag naar|\buser:|\bdirected by:?|\bwith|\bmet|\badd|\bcommenter|\bproducer|\bplayer|\bby|\bdoor)\s{1,3}$/;
