import type { PiiType } from '../core/finding-codes.ts';
import { definePolicy } from '../core/define-policy.ts';
import type { SpaceKind } from '../core/types.ts';
import {
  type ConfidentialityBehaviour,
  confidentialityDecision,
  zConfidentialitySettings,
} from './identifying-details.ts';

const CONTACT: PiiType[] = ['EMAIL', 'PHONE', 'URL', 'HANDLE'];
const DEFAULTS: Record<SpaceKind, { behaviour: ConfidentialityBehaviour; types: PiiType[] }> = {
  peer_support: { behaviour: 'hold', types: CONTACT },
  general: { behaviour: 'hold', types: CONTACT },
  ask_a_clinician: { behaviour: 'redact', types: CONTACT },
  clinician_only: { behaviour: 'redact', types: CONTACT },
};

/** E-mail addresses, phone numbers, personal links and handles: held with a redacted-repost offer in open spaces, redacted in the stored copy elsewhere. */
export const ContactDetailsPolicy = definePolicy({
  name: 'contact_details',
  description:
    'Contact details (e-mail, phone, personal links, handles) are held for a redacted repost in peer support and general spaces; elsewhere only the stored copy is redacted.',
  failMode: 'hold',
  configSchema: zConfidentialitySettings(DEFAULTS, { moderator: 'redact' }),
  evaluate(ctx, config) {
    return confidentialityDecision('contact_details', ctx, config, CONTACT);
  },
});
