/** Words before a number that say it is a phone number. */
export const PHONE_CUE =
  /\b(?:phone|tel|telephone|mobile|mob|cell|fax|desk|call|ring|text|sms|whats ?app|signal|app me|bel|bellen|belt|nummer|number|no\.|nr\.?|telefoon\w*|mobiel\w*|reach|answering|bereikbaar|messages? to|contact|sms'?en|appen|contact)\W{0,12}(?:me\W{0,6})?(?:on|at|op|via|:|is)?\W{0,6}$/;

/** Words before a number that make it something other than a phone number (orders, IDs, money, cards). */
export const NOT_PHONE_CUE =
  /\b(?:order|invoice|ref(?:erence)?|ticket|tracking|case|bestel\w*|factuur\w*|klantnummer|zaaknummer|bsn|burgerservice\w*|sofi\w*|nhs|mrn|ssn|social security|iban|card|kaart|pas|account|rekening\w*|patient\w*|patiënt\w*|dossier\w*|record|big|registrat\w*|licen[cs]e|rijbewijs\w*|passport|paspoort\w*|polis\w*|insurance|verzeker\w*|member|lid\w*|postcode|zip|version|versie|v|build|isbn|serial|serienummer|#)\W{0,16}(?:no\.?|nr\.?|number|nummer|id|#)?\W{0,6}(?:is\W{0,3})?$/;

/** Currency or unit context that makes digits an amount. */
export const AMOUNT_BEFORE = /[€$£¥]\s?$|(?:eur|usd|gbp|euro)\s?$/;
/** Units right after a number. */
export const UNIT_AFTER =
  /^\s?(?:%|mg|mcg|µg|g\b|kg|ml|l\b|mmol|cm|mm|km|m\b|euro|eur|dollars?|pounds?|ie|iu|units?|eenheden|x\b|times|keer|jaar|years?|days?|dagen|uur|hours?|min)/;
