import { type REST, Routes } from 'discord.js';
import type { DeliveryReceipt, OutboundEffect } from '../contract.ts';

type TimeoutEffect = Extract<OutboundEffect, { kind: 'timeout_member' }>;

/**
 * Times a member out: the call `GuildMember.timeout()` makes (PATCH the guild member's
 * `communication_disabled_until`), sent through discord.js's REST queue so no member cache is needed.
 * Needs Moderate Members and a role above the member's; Discord answers 403 otherwise.
 * https://discord.com/developers/docs/resources/guild#modify-guild-member
 */
export async function timeoutMember(
  rest: REST,
  effect: TimeoutEffect,
  signal: AbortSignal,
): Promise<DeliveryReceipt> {
  const until = new Date(Date.now() + effect.durationMinutes * 60_000).toISOString();
  await rest.patch(Routes.guildMember(effect.workspaceId, effect.memberId), {
    body: { communication_disabled_until: until },
    // Shown in the server's audit log: ids and a finding code only.
    reason: `Ward effect ${effect.effectId}: ${effect.reasonCode}`,
    signal,
  });
  return {};
}
