import { DiscordAPIError, RateLimitError } from 'discord.js';
import { PlatformPermissionError, PlatformRateLimitedError } from '../../worker/errors.ts';

/** Discord JSON error codes Ward treats specially (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const DiscordJsonCode = {
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  MissingAccess: 50001,
  CannotSendToUser: 50007,
  MissingPermissions: 50013,
} as const;

/** True when a REST error is Discord's answer for a message that no longer exists. */
export function isUnknownMessage(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === DiscordJsonCode.UnknownMessage;
}

/** True when Discord refused a DM (the member closed DMs or blocked Ward). */
export function isDmRefused(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError && (err.status === 403 || err.code === DiscordJsonCode.CannotSendToUser)
  );
}

/**
 * Maps a discord.js REST failure onto Ward's coded errors: long rate limits become a delayed retry,
 * 403/404 become unrecoverable permission errors the worker alerts moderators about. Others pass through.
 * Messages carry the effect id and Discord's numeric code only.
 */
export function toPlatformError(err: unknown, effectId: string): unknown {
  if (err instanceof RateLimitError)
    return new PlatformRateLimitedError(Math.max(1, Math.ceil(err.retryAfter)));
  if (err instanceof DiscordAPIError && (err.status === 403 || err.status === 404)) {
    return new PlatformPermissionError(
      err.status,
      `discord refused effect ${effectId}: HTTP ${err.status}, discord code ${String(err.code)}`,
    );
  }
  return err;
}
