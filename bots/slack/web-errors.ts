import { webApi } from '@slack/bolt';
import {
  ErrorCode,
  PlatformPermissionError,
  PlatformRateLimitedError,
  WardError,
} from '../../worker/errors.ts';

// Slack answers these when Ward lacks a scope or membership, or the token is bad: no retry can fix them.
const FORBIDDEN = new Set([
  'not_in_channel',
  'is_archived',
  'cant_delete_message',
  'cant_update_message',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'no_permission',
  'ekm_access_denied',
  'team_access_not_granted',
  'cannot_dm_bot',
  'user_disabled',
]);
const GONE = new Set(['channel_not_found', 'message_not_found', 'user_not_found', 'thread_not_found']);

/** The Slack error code of a Web API failure (e.g. `channel_not_found`), or the SDK error code; never text. */
export function slackErrorCode(err: unknown): string {
  if (err instanceof webApi.WebAPIPlatformError) return err.data.error;
  if (err instanceof webApi.WebAPIHTTPError) return `http_${err.statusCode}`;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return 'unknown';
}

/** True when Slack says the message is already gone (a delete of a deleted message succeeded in effect). */
export function isMessageGone(err: unknown): boolean {
  return err instanceof webApi.WebAPIPlatformError && err.data.error === 'message_not_found';
}

/**
 * Turns a Web API failure into Ward's errors: 429 → PlatformRateLimitedError (the deliver job is delayed),
 * permission / not-found → PlatformPermissionError (unrecoverable, moderators alerted), the rest → retried.
 */
export function toWardError(err: unknown, method: string): Error {
  if (err instanceof webApi.WebAPIRateLimitedError)
    return new PlatformRateLimitedError(err.retryAfter * 1000);
  const code = slackErrorCode(err);
  if (err instanceof webApi.WebAPIPlatformError) {
    if (code === 'ratelimited') return new PlatformRateLimitedError(1000);
    if (FORBIDDEN.has(code)) return new PlatformPermissionError(403, `slack ${method}: ${code}`);
    if (GONE.has(code)) return new PlatformPermissionError(404, `slack ${method}: ${code}`);
  }
  return new WardError(ErrorCode.PlatformFailed, `slack ${method}: ${code}`);
}
