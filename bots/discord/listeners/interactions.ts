import {
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type Client,
  Events,
  GuildMember,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommunityConfig } from '../../../policies/core/community-config.ts';
import type { CommunityRole } from '../../../policies/core/types.ts';
import { errorCodeOf } from '../../../worker/errors.ts';
import type { IngestPort } from '../../contract.ts';
import { bridgeCommandLine, type CommandHandler, type CommandRequest, REPORT_COMMAND } from '../commands.ts';
import { decodeCustomId } from '../custom-id.ts';
import { factsOf } from '../message-facts.ts';
import { parseMessageLink } from '../message-link.ts';
import { locate, toIncomingMessage } from '../normalize.ts';
import { reply } from '../replies.ts';
import { mapMemberRoles } from '../roles.ts';

/** What the interaction listeners need. */
export interface InteractionListenerDeps {
  ingest: IngestPort;
  roles: () => CommunityConfig['roles'];
  commands: CommandHandler | null;
  logger: Logger | undefined;
}

function actorRoles(interaction: BaseInteraction, roles: CommunityConfig['roles']): CommunityRole[] {
  const member = interaction.member;
  if (!member) return mapMemberRoles([], roles);
  const ids = member instanceof GuildMember ? member.roles.cache.keys() : member.roles;
  return mapMemberRoles(ids, roles);
}

/** Subscribes to button/select presses, `/ward` commands and the report context menu. */
export function attachInteractionListeners(client: Client, deps: InteractionListenerDeps): void {
  const { ingest, logger } = deps;

  function request(interaction: BaseInteraction, workspaceId: string): CommandRequest {
    const actor = { id: interaction.user.id, roles: actorRoles(interaction, deps.roles()) };
    return { platform: 'discord', workspaceId, actor, locale: interaction.locale ?? null };
  }

  async function onComponent(interaction: MessageComponentInteraction): Promise<void> {
    const parts = decodeCustomId(interaction.customId);
    if (!parts) return;
    // Acknowledge first: Discord allows 3 s, and ingest may be slower. The worker updates the card.
    await interaction.deferUpdate();
    const workspaceId = interaction.guildId ?? parts.workspaceId;
    if (!workspaceId) return;
    const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    const { actor } = request(interaction, workspaceId);
    let notice: string | undefined;
    try {
      const { actionId, subject } = parts;
      const result = await ingest.action({
        platform: 'discord',
        workspaceId,
        actionId,
        subject,
        actor,
        ...(value ? { value } : {}),
      });
      notice = result?.notice;
    } catch (err) {
      logger?.error(
        { interactionId: interaction.id, code: errorCodeOf(err) },
        'discord action not forwarded',
      );
      notice = reply('actionFailed', interaction.locale);
    }
    // Refusals and confirmations go to the presser only.
    if (notice)
      await interaction.followUp({
        content: notice,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
  }

  async function onReport(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const target = interaction.targetMessage;
    const answer = (text: string) => interaction.editReply({ content: text, allowedMentions: { parse: [] } });
    if (!interaction.inGuild() || !target.inGuild())
      return void (await answer(reply('reportIgnored', interaction.locale)));
    const received = await ingest.receive(toIncomingMessage(factsOf(target), deps.roles(), false));
    if (received.status === 'ignored') return void (await answer(reply('reportIgnored', interaction.locale)));
    // The reporter's id goes to ingest for the audit trail only; cards never name the reporter.
    const { actor } = request(interaction, interaction.guildId);
    const subject = received.messageId;
    const result = await ingest.action({
      platform: 'discord',
      workspaceId: interaction.guildId,
      actionId: 'report',
      subject,
      actor,
    });
    const ok = !result || result.status === 'done';
    await answer(result?.notice ?? reply(ok ? 'reportThanks' : 'reportFailed', interaction.locale));
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const handler = deps.commands;
    if (!handler || !interaction.guildId)
      return void (await interaction.editReply(reply('unavailable', interaction.locale)));
    const req = request(interaction, interaction.guildId);
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand();
    let text: string;
    if (group === 'config' && sub === 'check') text = (await handler.configCheck(req)).text;
    else if (group === 'bridge')
      text = handler.bridge
        ? (await handler.bridge({ ...req, text: bridgeCommandLine(sub, interaction.options) })).text
        : reply('unavailable', interaction.locale);
    else if (sub === 'status') text = (await handler.status(req)).text;
    else {
      const link = parseMessageLink(interaction.options.getString('message', true));
      if (!link || link.guildId !== interaction.guildId)
        return void (await interaction.editReply(reply('badLink', interaction.locale)));
      const channel = client.channels.cache.get(link.channelId);
      const parentId = channel?.isThread() ? channel.parentId : null;
      text = (
        await handler.explain({
          ...req,
          ...locate(link.channelId, parentId),
          platformMessageId: link.messageId,
        })
      ).text;
    }
    await interaction.editReply({ content: text.slice(0, 2000), allowedMentions: { parse: [] } });
  }

  client.on(Events.InteractionCreate, (interaction) => {
    let work: Promise<void> | null = null;
    if (interaction.isButton() || interaction.isStringSelectMenu()) work = onComponent(interaction);
    else if (interaction.isMessageContextMenuCommand() && interaction.commandName === REPORT_COMMAND)
      work = onReport(interaction);
    else if (interaction.isChatInputCommand() && interaction.commandName === 'ward')
      work = onCommand(interaction);
    work?.catch(async (err: unknown) => {
      logger?.error({ interactionId: interaction.id, code: errorCodeOf(err) }, 'discord interaction failed');
      if (interaction.isRepliable() && interaction.deferred && !interaction.isMessageComponent()) {
        const key = interaction.isMessageContextMenuCommand() ? 'reportFailed' : 'actionFailed';
        await interaction.editReply(reply(key, interaction.locale)).catch(() => undefined);
      }
    });
  });
}
