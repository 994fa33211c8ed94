import { addressLines, extendAddress, extendAddressLeft } from './address-block.ts';
import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

const HOUSE = String.raw`\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?(?:-\d{1,4})?(?![\p{N}]|\s\d)`;
// Dutch, German, Nordic, Finnish, Central European street words written as a suffix ("Lindenlaan 23").
const SUFFIXED = new RegExp(
  String.raw`(?<![\p{L}])[\p{Lu}][\p{L}'’-]{0,30}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|markt|hof|park|pad|straße|strasse|gasse|allee|platz|gade|gata|gatan|vej|vegen|veien|väg|vägen|katu|tie|utca|ulica|cesta|ulice|stræde|torget|torg|brink|erf|ring)\s${HOUSE}`,
  'gu',
);
// Street words written separately, before or after the name ("Rue Dielhère 130", "Trenerys gate 232", "ul. Słowicza 10").
const PREFIXED = new RegExp(
  String.raw`(?<![\p{L}])(?:Rue|Rua|Rúa|Via|Viale|Calle|Avenida|Avda\.?|Av\.?|Avenue|ul\.|Ul\.|Ulica|Plaza|Praça|Piazza|Largo|Travessa|Camino|Carrer|Boulevard|Chemin|Allée|Strada|Rambla|Paseo|Pasaje|Quai)\s(?:[\p{L}'’.-]{1,30}\s){1,4}${HOUSE}`,
  'gu',
);
const SPLIT_TYPE = new RegExp(
  String.raw`(?<![\p{L}])[\p{Lu}][\p{L}'’-]{1,30}\s(?:gate|vei|veg|vej|weg|gade|gata|gatan|utca|ulica|street|str\.|wei)\s${HOUSE}`,
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

/** Street addresses (NL, UK, US and continental forms) extended over unit, postcode and town. */
export function detectAddresses(scan: ScanText): Candidate[] {
  if (!/\d/.test(scan.value)) return [];
  const out: Candidate[] = [];
  for (const [re, confidence, name] of [
    [SUFFIXED, 0.85, 'address.street'],
    [PREFIXED, 0.85, 'address.street'],
    [SPLIT_TYPE, 0.8, 'address.street'],
    [ANGLO, 0.88, 'address.street'],
    [PO_BOX, 0.75, 'address.military'],
    [NUMBER_STREET_NUMBER, 0.7, 'address.numbered'],
  ] as const) {
    for (const m of matchesOf(re, scan)) {
      const start = extendAddressLeft(scan, m.index);
      const end = extendAddress(scan, m.index + m[0].length);
      out.push(...addressLines(scan, start, end, confidence, name));
    }
  }
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
