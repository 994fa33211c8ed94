import type { DeliveryReceipt, OutboundEffect, PlatformDelivery } from './contract.ts';
import type { Platform } from '../policies/core/types.ts';

/** A delivery that can be handed to the runtime before the adapter behind it has started. */
export interface DeferredDelivery extends PlatformDelivery {
  /** Connects the real delivery; effects waiting for it go out then. */
  resolve(delivery: PlatformDelivery): void;
}

/**
 * Breaks the start-up cycle: the runtime wants deliveries when it starts, the adapter wants the runtime's ingest.
 * Deliver jobs that arrive first simply wait for `resolve`.
 */
export function createDeferredDelivery(platform: Platform): DeferredDelivery {
  let resolveReady!: (d: PlatformDelivery) => void;
  const ready = new Promise<PlatformDelivery>((r) => {
    resolveReady = r;
  });
  return {
    platform,
    async deliver(effect: OutboundEffect): Promise<DeliveryReceipt> {
      return (await ready).deliver(effect);
    },
    resolve: (delivery) => resolveReady(delivery),
  };
}
