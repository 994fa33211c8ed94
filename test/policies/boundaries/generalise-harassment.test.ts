import { describe, expect, it } from 'vitest';
import { HarassmentPolicy } from '../../../policies/boundaries/harassment.ts';
import { softScores } from '../../../policies/boundaries/soft-scores.ts';
import { normalizeText } from '../../../policies/detect/normalize.ts';
import { contextFor } from '../safety/context.ts';

const run = (text: string) =>
  HarassmentPolicy.evaluate(contextFor(text), HarassmentPolicy.configSchema.parse(undefined));

// Sentences written for these tests: general constructions of group hate, not items of any data set.
describe('harassment generalises over constructions', () => {
  it.each([
    'Refugees really are nothing but parasites.',
    'By their nature, immigrants are never trustworthy.',
    'Disabled people are not our equals and never will be.',
    'Muslim lives are worth nothing.',
    'Trans people should all be locked up in camps.',
    'Death to all refugees.',
    'I would love to see those immigrants suffer.',
    'Women can all go fuck themselves.',
    'I tried to like gay people but they are just too disgusting.',
    'you are such a stupid bitch',
    'I hope your cancer comes back',
    'I haet refugees.',
    'All immigrants are such massivescumbags.',
    'Refugees should all be deported.',
    'Mensen met autisme zijn gewoon gestoord.',
    'wat een zeikerd ben jij',
  ])('holds: %s', (text) => {
    const d = run(text)!;
    expect(d?.findings[0]?.code).toBe('boundary.harassment');
    expect(d.findings[0]!.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    'Refugees are not at all lazy, they work harder than anyone I know.',
    'Immigrants are the very opposite of dangerous.',
    'Only gay people are that kind and compassionate.',
    "You can't seriously believe that disabled people are stupid.",
    'I am a proud dyke and I love this group.',
    'Female dogs are called bitches.',
    'The word "retarded" is outdated and hurtful.',
    'Het woord mongool is kwetsend, gebruik het niet.',
    'ik ga dood van het lachen',
    'No refugee ought to be deported.',
    'Your obvious contempt for disabled people has to stop.',
    'I was told to fuck off by a stranger once.',
    'Back pain again, the physio says the black mould is not to blame.',
  ])('leaves alone: %s', (text) => expect(run(text)).toBeNull());

  it('gives undirected profanity a soft score below any finding, without acting on it', () => {
    const text = 'bitches be crazy at the gym today';
    expect(run(text)).toBeNull();
    const soft = softScores(normalizeText(text))['boundary.harassment']!;
    expect(soft).toBeGreaterThan(0);
    expect(soft).toBeLessThan(0.5);
    expect(softScores(normalizeText('Lovely walk this morning'))['boundary.harassment']).toBe(0);
  });
});
