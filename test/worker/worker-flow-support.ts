import type { IncomingMessage } from '../../bots/contract.ts';
import { availablePolicies } from '../../policies/index.ts';
import { type Harness, incoming } from '../support/ward-harness.ts';

/** A `policies:` config block that runs only the named policies, with optional settings per policy. */
export function onlyPolicies(names: string[], settings: Record<string, unknown> = {}) {
  return Object.fromEntries(
    Object.keys(availablePolicies).map((n) => [
      n,
      { enabled: names.includes(n), ...(settings[n] ? { settings: settings[n] } : {}) },
    ]),
  );
}

/** Sends one message through the running Ward and waits until it is decided; returns its stored id. */
export async function sendAndDecide(
  h: Harness,
  text: string,
  overrides: Partial<IncomingMessage> = {},
): Promise<string> {
  const res = await h.runtime.ingest.receive(incoming(text, overrides));
  if (res.status === 'ignored') throw new Error(`ignored: ${res.reason}`);
  await h.runtime.waitForDecision(res.messageId, 15_000);
  return res.messageId;
}
