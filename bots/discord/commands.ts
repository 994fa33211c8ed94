import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type REST,
  type RESTPutAPIApplicationGuildCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { CommunityRole } from '../../policies/core/types.ts';

/** Name of the message context-menu command members use to report a message. */
export const REPORT_COMMAND = 'Ask Ward to review';

/** Who asked, in contract terms. */
export interface CommandRequest {
  platform: 'discord';
  workspaceId: string;
  actor: { id: string; roles: readonly CommunityRole[] };
  /** The user's client language (e.g. `nl`, `en-GB`), for the answer's language. */
  locale: string | null;
}

/** An answer shown only to the person who asked (ephemeral). Text is already redacted. */
export interface CommandReply {
  text: string;
}

/** The slash-command answers; the lead's runtime implements them, the adapter only translates. */
export interface CommandHandler {
  /** `/ward explain <message link>`: why Ward did (or did not) act on a message. */
  explain(
    request: CommandRequest & { channelId: string; threadId: string | null; platformMessageId: string },
  ): Promise<CommandReply>;
  /** `/ward status`: queue depth, open escalations, adapter health. */
  status(request: CommandRequest): Promise<CommandReply>;
  /** `/ward config check`: validates the community config in force. */
  configCheck(request: CommandRequest): Promise<CommandReply>;
}

/** The guild commands Ward registers: `/ward …` (moderators by default) and the report context menu (everyone). */
export function commandDefinitions(): RESTPutAPIApplicationGuildCommandsJSONBody {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: 'ward',
      description: 'Ward moderation tools',
      description_localizations: { nl: 'Ward-moderatiehulpmiddelen' },
      default_member_permissions: PermissionFlagsBits.ManageMessages.toString(),
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'explain',
          description: 'Explain what Ward decided about a message',
          description_localizations: { nl: 'Leg uit wat Ward over een bericht besliste' },
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: 'message',
              description: 'Link to the message',
              description_localizations: { nl: 'Link naar het bericht' },
              required: true,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'status',
          description: 'Show Ward status',
          description_localizations: { nl: 'Toon de status van Ward' },
        },
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'config',
          description: 'Community configuration',
          description_localizations: { nl: 'Communityconfiguratie' },
          options: [
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: 'check',
              description: 'Check the community configuration',
              description_localizations: { nl: 'Controleer de communityconfiguratie' },
            },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandType.Message,
      name: REPORT_COMMAND,
      name_localizations: { nl: 'Vraag Ward om te beoordelen' },
    },
  ];
}

/** Registers (overwrites) Ward's commands in one guild; guild commands apply at once, unlike global ones. */
export async function registerGuildCommands(
  rest: REST,
  applicationId: string,
  guildId: string,
): Promise<void> {
  await rest.put(Routes.applicationGuildCommands(applicationId, guildId), { body: commandDefinitions() });
}
