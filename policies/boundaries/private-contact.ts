import { z } from 'zod';
import { definePolicy } from '../core/define-policy.ts';
import { boundaryCode } from '../core/finding-codes.ts';
import raw from './data/private-contact.json' with { type: 'json' };
import { compileLexicon, matchAll } from './shared/lexicon.ts';
import { boundaryDecision, firstHitFinding, hasRole, zSpaceBehaviours } from './shared/space-behaviour.ts';

/** Private note to the author that health conversations stay in the community, and why. */
export const PRIVATE_CONTACT_NOTICE_TEMPLATE = 'private_contact_notice';

const LEX = compileLexicon(raw);

// Spelled-out or dotted digits ("nul zes drie …", "0.6-3.3.8 …") are folded to digits by a cheap pass before matching.
const DIGIT_WORDS: Record<string, string> = {
  nul: '0',
  zero: '0',
  oh: '0',
  een: '1',
  één: '1',
  one: '1',
  twee: '2',
  two: '2',
  drie: '3',
  three: '3',
  vier: '4',
  four: '4',
  vijf: '5',
  five: '5',
  zes: '6',
  six: '6',
  zeven: '7',
  seven: '7',
  acht: '8',
  eight: '8',
  negen: '9',
  nine: '9',
};
const DIGIT_RUN = new RegExp(
  `\\b(${Object.keys(DIGIT_WORDS).join('|')})([\\s,.-]+(${Object.keys(DIGIT_WORDS).join('|')})){5,}\\b`,
  'g',
);

/** Replaces runs of six or more spelled digits with digits (offsets of the run start are kept for spans). */
function foldSpelledDigits(folded: string): string {
  return folded.replace(DIGIT_RUN, (run) => {
    const digits = run
      .split(/[\s,.-]+/)
      .map((w) => DIGIT_WORDS[w] ?? '')
      .join('');
    return digits.padEnd(run.length, ' ');
  });
}

/** Finds invitations to move a conversation to private channels, contact details offered for that, and requests for them. */
export function findPrivateContact(folded: string): { start: number; end: number }[] {
  return matchAll(LEX['invite'], foldSpelledDigits(folded));
}

const DEFAULT_SPACES = {
  peer_support: 'flag',
  general: 'flag',
  ask_a_clinician: 'flag',
  clinician_only: 'off',
} as const;

const zSettings = z
  .strictObject({
    spaces: zSpaceBehaviours(DEFAULT_SPACES),
    /** Roles whose posts are not checked (moderators announcing contact points). */
    exempt_roles: z.array(z.string()).default(['moderator']),
  })
  .default({ spaces: DEFAULT_SPACES, exempt_roles: ['moderator'] });

/** Moving health matters to DMs, phone or e-mail, private or paid consults, asking for contact details. */
export const PrivateContactPolicy = definePolicy({
  name: 'private_contact',
  description:
    'Invitations to take health conversations private (DMs, phone, e-mail, paid consults) are flagged.',
  failMode: 'ignore',
  configSchema: zSettings,
  evaluate(ctx, config) {
    const behaviour = config.spaces[ctx.message.space];
    if (behaviour === 'off' || hasRole(ctx.message.author.roles, config.exempt_roles)) return null;
    const hits = findPrivateContact(ctx.text.folded);
    const findings = firstHitFinding(ctx.text, 'private_contact', 'medium', hits);
    return boundaryDecision({
      policy: 'private_contact',
      behaviour,
      findings,
      template: PRIVATE_CONTACT_NOTICE_TEMPLATE,
      reason: boundaryCode('private_contact'),
    });
  },
});
