import { describe, expect, it } from 'vitest';
import type { SpaceKind } from '../../../policies/core/types.ts';
import { AdviceRequestPolicy } from '../../../policies/boundaries/advice-request.ts';
import { contextFor } from '../safety/context.ts';

const run = (text: string, space: SpaceKind = 'peer_support', settings?: unknown) =>
  AdviceRequestPolicy.evaluate(contextFor(text, { space }), AdviceRequestPolicy.configSchema.parse(settings));

describe('advice_request policy', () => {
  it.each([
    'I missed my evening dose of metformin, should I double up tomorrow?',
    'Can I give her the leftover prednisolone from last time?',
    'Is it safe for me to take ibuprofen with my blood pressure tablets?',
    'My son has had a fever for three days, does he need antibiotics?',
    'Which cream should I use for this rash on my hands?',
    'Mag ik paracetamol nemen naast mijn antibioticakuur?',
    'Moet ik mijn insuline verlagen als ik ga sporten?',
    'Welke zalf moet ik gebruiken voor het eczeem van mijn dochter?',
    'Is het veilig om ibuprofen te slikken als ik zwanger ben?',
  ])('flags: %s', (text) => expect(run(text)?.findings[0]?.code).toBe('boundary.advice_request'));

  it.each([
    'What is HbA1c?',
    'How do SSRIs work?',
    'Wat is het verschil tussen een echo en een röntgenfoto?',
    'Should I bring snacks to the meetup on Monday?',
    'Does anyone know whether insurance covers glucose sensors?',
    'I stopped taking it last year with my GP, and feel fine.',
  ])('leaves general questions and chat alone: %s', (text) => expect(run(text)).toBeNull());

  it('redirects privately in peer support and routes to a professional with a specialty', () => {
    const d = run('Should I stop my citalopram now that I feel better?', 'peer_support', {
      clinician_channel: 'ask-a-doc',
    })!;
    expect(d.actions).toContainEqual({
      kind: 'reply_privately',
      template: 'advice_redirect',
      resources: ['channel:ask-a-doc'],
    });
    expect(d.actions).toContainEqual({
      kind: 'escalate',
      priority: 'routine',
      specialty: 'psychiatry',
      reason: 'boundary.advice_request',
    });
  });

  it('only routes in ask_a_clinician and stays out of clinician_only', () => {
    const d = run('Can I take the budesonide left over from my last Crohn flare?', 'ask_a_clinician')!;
    expect(d.actions.map((a) => a.kind)).toEqual(['escalate']);
    expect(d.actions[0]).toMatchObject({ specialty: 'gastroenterology' });
    expect(run('Would you continue the statin in this patient?', 'clinician_only')).toBeNull();
  });
});
