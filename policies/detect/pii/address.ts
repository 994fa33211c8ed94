import { addressLines, extendAddress, extendAddressLeft } from './address-block.ts';
import { streetShapes } from './address-gates.ts';
import { digitRunsOf } from './text-index.ts';
import { LiteralFilter } from './literal-filter.ts';
import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

const HOUSE = String.raw`\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?(?:-\d{1,4})?(?![\p{N}]|\s\d)`;
// Dutch, German, Nordic, Finnish, Central European street words written as a suffix ("Lindenlaan 23").
const STREET_SUFFIXES =
  'straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|markt|hof|park|pad|straße|strasse|gasse|allee|platz|gade|gata|gatan|vej|vegen|veien|väg|vägen|katu|tie|utca|ulica|cesta|ulice|stræde|torget|torg|brink|erf|ring';
const SUFFIXED = new RegExp(
  String.raw`(?<![\p{L}])[\p{Lu}][\p{L}'’-]{0,30}(?:${STREET_SUFFIXES})\s${HOUSE}`,
  'gu',
);
// Street words written separately, before or after the name ("Rue Dielhère 130", "Trenerys gate 232", "ul. Słowicza 10").
const STREET_PREFIXES = String.raw`Rue|Rua|Rúa|Via|Viale|Calle|Avenida|Avda\.?|Av\.?|Avenue|ul\.|Ul\.|Ulica|Plaza|Praça|Piazza|Largo|Travessa|Camino|Carrer|Boulevard|Chemin|Allée|Strada|Rambla|Paseo|Pasaje|Quai`;
const PREFIXED = new RegExp(
  String.raw`(?<![\p{L}])(?:${STREET_PREFIXES})\s(?:[\p{L}'’.-]{1,30}\s){1,4}${HOUSE}`,
  'gu',
);
const SPLIT_TYPES = String.raw`gate|vei|veg|vej|weg|gade|gata|gatan|utca|ulica|street|str\.|wei`;
const SPLIT_TYPE = new RegExp(
  String.raw`(?<![\p{L}])[\p{Lu}][\p{L}'’-]{1,30}\s(?:${SPLIT_TYPES})\s${HOUSE}`,
  'gu',
);
// "1187 Maple Street", "27 Hollybush Lane", "35 Pentelis Str."
const ANGLO =
  /(?<![\p{L}\p{N}])\d{1,5}[a-zA-Z]?\s(?:[\p{Lu}][\p{L}'’-]{0,30}\s){1,3}(?:Street|St\.?|Str\.|Road|Rd\.?|Lane|Ln\.?|Avenue|Ave\.?|Drive|Way|Close|Court|Ct\.?|Place|Crescent|Terrace|Gardens|Square|Boulevard|Blvd\.?|Parkway|Row|Walk|Mews|Grove|Hill|Highway|Circle|Trail|Turnpike|Green|Rise|Coves?|Dam|Forks?|Heights|Plaza)(?![\p{L}])/gu;
// "28245 Puruntie 82", "09457 Vana-Viru 25": building number, street name, house number.
const NUMBER_STREET_NUMBER =
  /(?<![\p{L}\p{N}])\d{1,6}\s(?:(?!(?:Of|The|And|To|In|For|An?|On|At|By|Or|With|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|Date|Posts?)\s)[\p{Lu}][\p{L}\p{M}'’.-]{1,30}\s){1,2}\d{1,5}(?![\p{L}\p{N}]|[.,]\d)/gu;
// "lives at", "address is", "woont op": the address that follows (must hold a number to count).
const ADDRESS_CUE =
  /\b(?:lives? (?:at|on)|living at|address(?: is|:)?(?: to| with)?|adres(?: is|:)?|woon(?:t|de)? (?:op|aan|in)|located at|send (?:it|this|them) to|sent to|deliver(?:ed)? to|return to|arrived at|meet (?:me|us) at|my place,|bij mij thuis,)\s{1,3}(?:it is\s)?/giu;
const PO_BOX = /(?<![\p{L}])(?:PSC|Unit|USNS|USNV|USS|USCGC)\s[\p{L}\d]{1,20},?\s(?:Box\s\d{1,6})?/gu;

// Cheap pre-checks built from the same word lists: a pattern whose check fails cannot match (see streetShapes).
const SUFFIX_END = new RegExp(`(?:${STREET_SUFFIXES})$`);
const SPLIT_END = new RegExp(String.raw`\s(?:${SPLIT_TYPES})$`);
const PREFIX_WORD = new RegExp(String.raw`(?:${STREET_PREFIXES})\s`);
const PREFIX_FILTER = new LiteralFilter([
  'rue ',
  'rua ',
  'rúa ',
  'via ',
  'viale ',
  'calle ',
  'avenida ',
  'avda ',
  'avda. ',
  'av ',
  'av. ',
  'avenue ',
  'ul. ',
  'ulica ',
  'plaza ',
  'praça ',
  'piazza ',
  'largo ',
  'travessa ',
  'camino ',
  'carrer ',
  'boulevard ',
  'chemin ',
  'allée ',
  'strada ',
  'rambla ',
  'paseo ',
  'pasaje ',
  'quai ',
]);
// The cue phrases written out in full (longer phrases let fewer messages through by chance).
const ADDRESS_CUE_FILTER = new LiteralFilter([
  'live at',
  'live on',
  'lives at',
  'lives on',
  'living at',
  'address',
  'adres',
  'woon',
  'located at',
  'send it to',
  'send this to',
  'send them to',
  'sent to',
  'deliver to',
  'delivered to',
  'return to',
  'arrived at',
  'meet me at',
  'meet us at',
  'my place,',
  'bij mij thuis,',
]);

/** Adds the matches of one street pattern, extended over unit, postcode and town, one candidate per line. */
function addStreets(
  scan: ScanText,
  re: RegExp,
  confidence: number,
  detector: string,
  out: Candidate[],
): void {
  for (const m of matchesOf(re, scan)) {
    const start = extendAddressLeft(scan, m.index);
    const end = extendAddress(scan, m.index + m[0].length);
    out.push(...addressLines(scan, start, end, confidence, detector));
  }
}

/** Street addresses (NL, UK, US and continental forms) extended over unit, postcode and town. */
export function detectAddresses(scan: ScanText): Candidate[] {
  if (digitRunsOf(scan).total === 0) return [];
  const shapes = streetShapes(scan, SUFFIX_END, SPLIT_END);
  const v = scan.value;
  const out: Candidate[] = [];
  // In pattern order; a pattern whose shape check fails cannot match.
  if (shapes.suffixed) addStreets(scan, SUFFIXED, 0.85, 'address.street', out);
  if (shapes.numberAfterSpace && PREFIX_FILTER.mayOccur(scan) && PREFIX_WORD.test(v))
    addStreets(scan, PREFIXED, 0.85, 'address.street', out);
  if (shapes.splitType) addStreets(scan, SPLIT_TYPE, 0.8, 'address.street', out);
  if (shapes.numberBeforeCapital) addStreets(scan, ANGLO, 0.88, 'address.street', out);
  if (v.includes('PSC') || v.includes('Unit') || v.includes('US'))
    addStreets(scan, PO_BOX, 0.75, 'address.military', out);
  if (shapes.numberBeforeCapital) addStreets(scan, NUMBER_STREET_NUMBER, 0.7, 'address.numbered', out);
  if (!ADDRESS_CUE_FILTER.mayOccur(scan)) return out;
  for (const m of matchesOf(ADDRESS_CUE, scan, scan.lower)) {
    const start = m.index + m[0].length;
    if (!/^[\p{Lu}\d]/u.test(scan.value.slice(start, start + 1))) continue;
    const end = extendAddress(scan, start, 120);
    if (
      end - start < 6 ||
      !/\d/.test(scan.value.slice(start, end)) ||
      !/\p{L}{3}/u.test(scan.value.slice(start, end))
    )
      continue;
    out.push(...addressLines(scan, start, end, 0.65, 'address.cued'));
  }
  return out;
}
