/** The few texts the adapter itself answers with, in English and Dutch. */
const TEXTS = {
  en: {
    reportThanks: 'Thank you. Moderators will review this message; your report stays confidential.',
    reportIgnored: 'Ward does not review messages in this channel.',
    reportFailed: 'Ward could not take your report right now. Please try again or contact a moderator.',
    actionFailed: 'Ward could not process that right now. Please try again.',
    badLink: 'That is not a Discord message link.',
    unavailable: 'This command is not available yet.',
  },
  nl: {
    reportThanks: 'Dank je. Moderatoren bekijken dit bericht; je melding blijft vertrouwelijk.',
    reportIgnored: 'Ward beoordeelt geen berichten in dit kanaal.',
    reportFailed:
      'Ward kon je melding nu niet aannemen. Probeer het opnieuw of neem contact op met een moderator.',
    actionFailed: 'Ward kon dit nu niet verwerken. Probeer het opnieuw.',
    badLink: 'Dat is geen link naar een Discord-bericht.',
    unavailable: 'Dit commando is nog niet beschikbaar.',
  },
} as const;

/** A key of the adapter's own texts. */
export type ReplyKey = keyof (typeof TEXTS)['en'];

/** The adapter's text for `key` in the user's Discord locale (Dutch for `nl`, English otherwise). */
export function reply(key: ReplyKey, locale: string | null): string {
  return (locale?.startsWith('nl') ? TEXTS.nl : TEXTS.en)[key];
}
