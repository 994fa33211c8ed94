import { describe, expect, it } from 'vitest';
import { safeRationale } from '../../../worker/review/rationale.ts';

const message = 'Honestly I cannot keep going like this, everything is pointless lately';

describe('safeRationale', () => {
  it('keeps one short sentence', () => {
    expect(safeRationale('The author sounds hopeless.  A moderator should check in.\nThanks', message)).toBe(
      'The author sounds hopeless.',
    );
    expect(safeRationale('x'.repeat(500), message)?.length).toBe(200);
  });

  it('drops a rationale that quotes the message', () => {
    expect(
      safeRationale('They say "I cannot keep going like this", which suggests risk.', message),
    ).toBeNull();
    expect(
      safeRationale('De schrijver zegt: ik kan zo niet verder leven.', 'ik kan zo niet verder leven'),
    ).toBeNull();
  });

  it('replaces identifiers the model might have produced', () => {
    const out = safeRationale('Suggest calling them on 06 12 34 56 78 today.', message);
    expect(out).not.toContain('06 12 34 56 78');
    expect(out).toContain('[PHONE]');
  });

  it('returns null for an empty rationale', () => {
    expect(safeRationale('   ', message)).toBeNull();
  });
});
