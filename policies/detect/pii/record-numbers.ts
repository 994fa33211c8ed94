import { digitRunsOf } from './text-index.ts';
import { LiteralFilter } from './literal-filter.ts';
import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Cue words for record, patient, insurance, passport, licence and plate numbers (EN + NL), then the value.
const RECORD =
  /\b(?:mrn|medical record(?: number| no\.?| nr\.?)?|record (?:number|no\.?)|hospital (?:number|no\.?)|patient (?:number|no\.?|id)|pati[eë]nt(?:en)?nummer|pati[eë]nt-?id|dossiernummer|dossier(?: nr\.?| no\.?)|ziekenhuisnummer|nhs (?:number|no\.?)|insurance (?:number|no\.?|id)|policy (?:number|no\.?)|polisnummer|verzekerings?nummer|relatienummer|member (?:id|number|no\.?)|lidnummer|passport (?:number|no\.?)|paspoortnummer|driver'?s licen[cs]e(?: number| no\.?)?|licen[cs]e number|rijbewijsnummer|licen[cs]e plate|number plate|registration plate|kenteken|client (?:number|no\.?|id)|cli[eë]ntnummer|ssn|bsn|social security number|sofinummer|burgerservicenummer|big(?:-| )?(?:nummer|registratie(?:nummer)?)|id(?: number| no\.?)|id-nummer|identiteitsnummer)(?:\s{0,2}(?:is|was|:|#|=|nr\.?|no\.?))?[\s:#.]{0,3}([a-z0-9][a-z0-9-]{2,20}[a-z0-9])/giu;
const PLATE_CUE = /kenteken|plate/i;
// A part of every cue above: messages without one skip the long alternation (the filter first, then the regex).
const RECORD_CUE_FILTER = new LiteralFilter([
  'mrn',
  'record',
  'hospital',
  'pati',
  'dossier',
  'ziekenhuis',
  'nhs',
  'insurance',
  'policy',
  'polis',
  'verzeker',
  'relatie',
  'member',
  'lidnummer',
  'passport',
  'paspoort',
  'licen',
  'rijbewijs',
  'plate',
  'kenteken',
  'client',
  'cliënt',
  'ssn',
  'bsn',
  'social security',
  'sofinummer',
  'burgerservice',
  'big',
  'id n',
  'id-n',
  'identiteit',
]);
const RECORD_CUE_PART =
  /mrn|record|hospital|pati|dossier|ziekenhuis|nhs|insurance|policy|polis|verzeker|relatie|member|lidnummer|passport|paspoort|licen|rijbewijs|plate|kenteken|client|cli[eë]nt|ssn|bsn|social security|sofinummer|burgerservice|big|id[ -]n|identiteit/;

/** Record, patient, insurance, passport, licence and (only in context) licence-plate numbers after a cue word. */
export function detectRecordNumbers(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  if (digitRunsOf(scan).total === 0 || !RECORD_CUE_FILTER.mayOccur(scan) || !RECORD_CUE_PART.test(scan.lower))
    return out;
  for (const m of matchesOf(RECORD, scan, scan.lower)) {
    const value = m[1]!;
    const digitCount = value.replace(/\D+/g, '').length;
    const plate = PLATE_CUE.test(m[0]);
    if (plate ? digitCount < 1 || value.replace(/-/g, '').length < 6 : digitCount < 4) continue;
    const start = m.index + m[0].length - value.length;
    out.push({ type: 'ID', start, end: start + value.length, confidence: 0.9, detector: 'id.record' });
  }
  return out;
}
