import { describe, expect, it } from 'vitest';
import { PrivateContactPolicy } from '../../../policies/boundaries/private-contact.ts';
import { contextFor, type TestMessage } from '../safety/context.ts';

const run = (text: string, opts: TestMessage = {}) =>
  PrivateContactPolicy.evaluate(contextFor(text, opts), PrivateContactPolicy.configSchema.parse(undefined));

describe('private_contact policy', () => {
  it.each([
    'DM me and I will tell you what my endocrinologist said.',
    'Can you send me your email? I want to ask about your surgery.',
    'Whatsapp me on 07700 900123, happy to talk meds.',
    'My number is zero seven seven zero zero nine zero zero four five six, text me.',
    'Write to jo dot bloggs at gmail dot com if you want to talk away from the group.',
    'I offer private consults for thyroid patients, book via my website.',
    'Stuur me gerust een privébericht als je wilt praten over je diagnose.',
    'Mijn nummer is nul zes een twee drie vier vijf zes zeven acht, app me.',
    'Wil je je telefoonnummer sturen? Dan bel ik je over de behandeling.',
  ])('flags: %s', (text) => expect(run(text)?.findings[0]?.code).toBe('boundary.private_contact'));

  it.each([
    "Let's keep talking here so others can learn from it too.",
    'The minutes were sent by the secretary yesterday, check your inbox.',
    'I phoned my GP this morning and she was lovely.',
    'Ik heb vanochtend de huisarts gebeld.',
  ])('leaves alone: %s', (text) => expect(run(text)).toBeNull());

  it('does not check moderators and sends a private notice plus routine escalation', () => {
    expect(run('DM me if the form does not work.', { roles: ['moderator'] })).toBeNull();
    const d = run('DM me for details')!;
    expect(d.actions).toEqual([
      { kind: 'reply_privately', template: 'private_contact_notice' },
      { kind: 'escalate', priority: 'routine', reason: 'boundary.private_contact' },
    ]);
  });
});
