import { describe, expect, it } from 'vitest';
import { HarassmentPolicy } from '../../../policies/boundaries/harassment.ts';
import { contextFor } from '../safety/context.ts';

const run = (text: string) =>
  HarassmentPolicy.evaluate(contextFor(text), HarassmentPolicy.configSchema.parse(undefined));

describe('harassment policy', () => {
  it.each([
    'You are a pathetic attention seeker, nobody cares about your migraines.',
    'Shut up about your diet, you fat cow.',
    'People with depression are just lazy.',
    "I'll find you and hurt you.",
    'You are an 1d10t.',
    'you are a s t u p i d cow',
    'Je bent echt een zielige aansteller.',
    'Hou toch op met janken over je reuma.',
    'Mensen met ADHD zijn gewoon lui.',
    'Krijg de tyfus.',
    'Immigrants are vermin.',
  ])('holds: %s', (text) => {
    const d = run(text)!;
    expect(d.findings[0]!.code).toBe('boundary.harassment');
    expect(d.verdict).toBe('hold');
    expect(d.actions).toContainEqual({ kind: 'reply_privately', template: 'harassment_held' });
  });

  it.each([
    'My son has spastic cerebral palsy and starts a new school next week.',
    'Growth retardation was noted on the last scan.',
    'I am a proud dyke and this group makes me feel safe.',
    'Statements like "immigrants are vermin" are hurtful and wrong.',
    'I do not hate disabled people, I work with them every day.',
    'Ik heb kanker en ben zo moe.',
    'This heatwave is killing me.',
  ])('leaves alone: %s', (text) => expect(run(text)).toBeNull());

  it('maps spans found after leet folding back to the original text', () => {
    const text = 'honestly you are an 1d10t';
    const [s, e] = run(text)!.findings[0]!.span!;
    expect(text.slice(s, e)).toContain('1d10t');
  });
});
