/**
 * Public helplines and emergency numbers (digits only): calling them is advice, not a personal detail.
 * NL: 112, 113 / 0800-0113 (suicide prevention), 0800-0432 (Kindertelefoon), 0900-0767 (Sensoor), 0800-2000 (Veilig Thuis).
 * UK: 999, 111, 116 123 (Samaritans), 0800 1111 (Childline), 0300 123 3393 (Mind), 0800 58 58 58 (CALM).
 * US: 911, 988, 741741 (Crisis Text Line), 1-800-273-8255 (former NSPL), 1-800-799-7233 (domestic violence).
 * EU: 116 000, 116 111, 116 006.
 */
const HELPLINES = new Set([
  '112',
  '113',
  '08000113',
  '0113',
  '08000432',
  '09000767',
  '08002000',
  '999',
  '111',
  '116123',
  '08001111',
  '03001233393',
  '0800585858',
  '911',
  '988',
  '741741',
  '18002738255',
  '8002738255',
  '18007997233',
  '8007997233',
  '116000',
  '116111',
  '116006',
  '116117',
  '0031113',
  '0900113',
  '09001130',
  '144',
  '1737',
  '0800113',
]);

/** True when the digits are a public helpline or emergency number, which is never redacted. */
export function isPublicHelpline(digits: string): boolean {
  if (HELPLINES.has(digits)) return true;
  // International forms of the Dutch 0800-0113 line (+31 800 0113).
  return digits === '318000113' || digits === '00318000113';
}
