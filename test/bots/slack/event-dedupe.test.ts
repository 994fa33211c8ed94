import { describe, expect, it } from 'vitest';
import { EventDedupe } from '../../../bots/slack/event-dedupe.ts';

describe('EventDedupe', () => {
  it('passes an event id once within the TTL, again after it or after forget()', () => {
    let now = 0;
    const d = new EventDedupe(60_000, 100, () => now);
    expect(d.firstTime('Ev1')).toBe(true);
    expect(d.firstTime('Ev1')).toBe(false);
    d.forget('Ev1');
    expect(d.firstTime('Ev1')).toBe(true);
    now = 60_001;
    expect(d.firstTime('Ev1')).toBe(true);
  });

  it('stays bounded, forgetting the oldest ids first', () => {
    const d = new EventDedupe(60_000, 3, () => 0);
    for (const id of ['a', 'b', 'c', 'd']) d.firstTime(id);
    expect(d.firstTime('d')).toBe(false);
    expect(d.firstTime('a')).toBe(true);
  });
});
