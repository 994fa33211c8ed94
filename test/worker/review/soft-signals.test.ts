import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../policies/detect/normalize.ts';
import { softSignals } from '../../../worker/review/soft-signals.ts';

const signals = (t: string) => softSignals(normalizeText(t));

describe('soft signals', () => {
  it('finds distress idioms in English and Dutch', () => {
    expect(signals("I can't do this anymore, no one cares")).toContain('distress_idiom');
    expect(signals('ik kan niet meer, niemand geeft om me')).toContain('distress_idiom');
  });

  it('finds crisis cues the rules ruled out by context', () => {
    expect(signals("I'm going to kill myself if I fail this exam haha")).toContain(
      'crisis_ruled_out.figurative',
    );
    expect(signals('ik wil dood haha')).toContain('crisis_ruled_out.figurative');
    expect(signals('What if I wanted to end my life')).toContain('crisis_ruled_out.hypothetical');
    expect(signals('I would never kill myself')).toContain('crisis_ruled_out.negated');
  });

  it('finds crisis topics talked about without a standing crisis cue', () => {
    expect(signals('I started self harming around 5th grade, so 11 or 12 years old.')).toContain(
      'crisis_topic',
    );
    expect(signals('Mijn broer had vorig jaar een overdosis, nu gaat het beter')).toContain('crisis_topic');
  });

  it('stays quiet on ordinary messages and on helpers pointing to a helpline', () => {
    expect(signals('What a lovely sunny day')).toEqual([]);
    expect(signals('Wat een mooie dag vandaag')).toEqual([]);
    expect(signals('If you feel suicidal you can call 113')).toEqual([]);
  });
});
