import type { BridgeTarget } from '../../bots/bridges/contract.ts';
import { BridgeParseError } from '../../bots/bridges/contract.ts';
import { requestFor, sourceForBody } from '../../bots/bridges/registry.ts';
import { BridgeFetchError, type BridgeFetchOptions, fetchGuarded } from '../bridges/http-fetch.ts';
import type { BridgeProblem } from './bridge-outcome.ts';

/**
 * Fetches a new bridge's source once, through the same SSRF guard and limits as polls, and reads it with the
 * source registry, so a moderator hears at once that an address is private, missing, or not a feed. Nothing is
 * stored: the first scheduled poll learns the items.
 */
export async function probeSource(
  target: BridgeTarget,
  options: BridgeFetchOptions,
): Promise<{ items: number } | BridgeProblem> {
  try {
    const fetched = await fetchGuarded(requestFor(target), options);
    const source = sourceForBody(target, fetched.body, fetched.contentType);
    return { items: source.parse(fetched.body, target).length };
  } catch (err) {
    if (err instanceof BridgeParseError) return { code: 'not_a_feed' };
    if (!(err instanceof BridgeFetchError)) return { code: 'unreachable', detail: 'network' };
    switch (err.code) {
      case 'bridge_ssrf_refused':
        return { code: 'private_address' };
      case 'bridge_bad_url':
        return { code: 'bad_url' };
      case 'bridge_http_status':
        return { code: 'http_status', detail: String(err.status ?? 0) };
      default:
        return { code: 'unreachable', detail: err.code.replace(/^bridge_/, '') };
    }
  }
}
