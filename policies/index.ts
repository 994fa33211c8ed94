import { buildCommunityConfigSchema } from './core/community-config.ts';
import type { Policy } from './core/define-policy.ts';

/** Every policy Ward can run, alphabetical by name; adding a policy is one file plus one line here. */
export const availablePolicies: Readonly<Record<string, Policy>> = {
};

/** The community config schema, derived from the registry so each policy's settings validate. */
export const zCommunityConfig = buildCommunityConfigSchema(availablePolicies);
