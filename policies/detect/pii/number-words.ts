/** Number words that can be read out in a phone number (EN + NL), as they appear in the spoken-number pattern. */
export const SPOKEN_NUMBER_WORDS = [
  'zero',
  'nul',
  'oh',
  'o',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'een',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'double',
  'triple',
  'dubbel',
  'plus',
  'hundred',
  'honderd',
  'ten',
  'eleven',
  'twelve',
  'tien',
  'elf',
  'twaalf',
] as const;

/** Endings of the other number words: two to six letters, then one of these ("seventeen", "thirty", "zestig"). */
export const SPOKEN_NUMBER_SUFFIXES = ['teen', 'tien', 'ty', 'tig'] as const;

/** One number word, as a regex source (the listed words, or two to six letters and a suffix). */
export const NUMBER_WORD = `(?:${SPOKEN_NUMBER_WORDS.join('|')}|[a-z]{2,6}(?:${SPOKEN_NUMBER_SUFFIXES.join('|')}))`;
