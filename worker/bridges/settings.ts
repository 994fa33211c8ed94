import type { z } from 'zod';
import { zBridgeSettings } from '../../policies/core/community-config.ts';

/** Validated settings of one subscription. */
export type BridgeSettings = z.output<typeof zBridgeSettings>;

/** Settings with every default applied (stored rows are parsed again, so older rows gain new defaults). */
export function bridgeSettings(input: unknown): BridgeSettings {
  return zBridgeSettings.parse(input ?? {});
}
