import { UnrecoverableError } from 'bullmq';

/** Stable error codes: what logs, effect rows and alerts record instead of messages that might quote text. */
export enum ErrorCode {
  ConfigInvalid = 'config_invalid',
  EnvInvalid = 'env_invalid',
  MessageNotFound = 'message_not_found',
  EffectNotFound = 'effect_not_found',
  TextPurged = 'text_purged',
  NoDelivery = 'no_delivery_for_platform',
  PlatformRateLimited = 'platform_rate_limited',
  PlatformPermission = 'platform_permission',
  PlatformNotFound = 'platform_not_found',
  PlatformFailed = 'platform_failed',
  ServiceUnavailable = 'service_unavailable',
  BadInput = 'bad_input',
}

/** An error with a code; its message must never contain message text. */
export class WardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WardError';
  }
}

/** A failure no retry can fix (missing row, permission denied): BullMQ fails the job at once. */
export class UnrecoverableWardError extends UnrecoverableError {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnrecoverableWardError';
  }
}

/** Thrown by a platform delivery when the platform asked us to slow down; the job is delayed, not failed. */
export class PlatformRateLimitedError extends Error {
  readonly code = ErrorCode.PlatformRateLimited;
  constructor(readonly retryAfterMs: number) {
    super(`rate limited; retry after ${retryAfterMs} ms`);
    this.name = 'PlatformRateLimitedError';
  }
}

/** Thrown by a platform delivery when Ward lacks a permission or the target is gone; moderators are alerted. */
export class PlatformPermissionError extends UnrecoverableError {
  readonly code: ErrorCode;
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformPermissionError';
    this.code = status === 403 ? ErrorCode.PlatformPermission : ErrorCode.PlatformNotFound;
  }
}

/** The code of any error, for logs and rows. */
export function errorCodeOf(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.name : 'unknown';
}
