import { AdviceRequestPolicy } from './boundaries/advice-request.ts';
import { CommercialPolicy } from './boundaries/commercial.ts';
import { CrisisPolicy } from './safety/crisis.ts';
import { HarassmentPolicy } from './boundaries/harassment.ts';
import { IndividualAdvicePolicy } from './boundaries/individual-advice.ts';
import { MisinformationPolicy } from './boundaries/misinformation.ts';
import { PrivateContactPolicy } from './boundaries/private-contact.ts';
import { ContactDetailsPolicy } from './confidentiality/contact-details.ts';
import { HealthDisclosurePolicy } from './confidentiality/health-disclosure.ts';
import { IdentifyingDetailsPolicy } from './confidentiality/identifying-details.ts';
import { buildCommunityConfigSchema } from './core/community-config.ts';
import type { Policy } from './core/define-policy.ts';
import { ClinicalContextPolicy } from './evidence/clinical-context.ts';

/** Every policy Ward can run, alphabetical by name; adding a policy is one file plus one line here. */
export const availablePolicies: Readonly<Record<string, Policy>> = {
  advice_request: AdviceRequestPolicy,
  clinical_context: ClinicalContextPolicy,
  commercial: CommercialPolicy,
  contact_details: ContactDetailsPolicy,
  crisis: CrisisPolicy,
  harassment: HarassmentPolicy,
  health_disclosure: HealthDisclosurePolicy,
  identifying_details: IdentifyingDetailsPolicy,
  individual_advice: IndividualAdvicePolicy,
  misinformation: MisinformationPolicy,
  private_contact: PrivateContactPolicy,
};

/** The community config schema, derived from the registry so each policy's settings validate. */
export const zCommunityConfig = buildCommunityConfigSchema(availablePolicies);
