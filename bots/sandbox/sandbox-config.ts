import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sandbox community config file shipped with Ward. */
export const SANDBOX_CONFIG_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'sandbox.config.yaml',
);

/** Sandbox personas and the platform roles they hold (mapped to community roles by the config's `roles`). */
export const PERSONAS = {
  member: { id: 'sandbox-member', roles: [] as string[] },
  clinician: { id: 'sandbox-clinician', roles: ['verified_clinician'] },
  moderator: { id: 'sandbox-moderator', roles: ['moderator'] },
} as const;

/** A persona name. */
export type Persona = keyof typeof PERSONAS;

/** Sandbox workspace id. */
export const SANDBOX_WORKSPACE = 'sandbox';
