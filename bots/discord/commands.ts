import {
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
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
  /** `/ward bridge …`: `text` is the command line after `bridge` (see bridgeCommandLine); absent: not available. */
  bridge?(request: CommandRequest & { text: string }): Promise<CommandReply>;
}

/** What bridgeCommandLine reads of a subcommand's options (discord.js's option resolver has it). */
export interface BridgeOptionReader {
  getString(name: string): string | null;
  get(name: string): { value?: unknown } | null;
}

// A Discord option is one argument: quote it when it has spaces; its own quotes would split it, so they go.
const arg = (value: string) => {
  const v = value.replace(/["\u201C\u201D]/g, '').trim();
  return /\s/.test(v) ? `"${v}"` : v;
};

/**
 * Turns `/ward bridge <sub>` and its options into the words Ward's bridge commands take (the same line as Slack and
 * the CLI): `add <source> <#channel id> [filters]`, `list`, `pause|resume|remove <id>`.
 */
export function bridgeCommandLine(sub: string, options: BridgeOptionReader): string {
  if (sub === 'add') {
    const channel = options.get('channel')?.value;
    return [
      'add',
      arg(options.getString('source') ?? ''),
      typeof channel === 'string' ? `<#${channel}>` : '',
      options.getString('filters') ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  const id = options.getString('id');
  return id === null ? sub : `${sub} ${arg(id)}`;
}

function bridgeIdSubcommand(
  name: 'pause' | 'resume' | 'remove',
  description: string,
  nl: string,
): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description,
    description_localizations: { nl },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'id',
        description: 'The bridge id from /ward bridge list',
        description_localizations: { nl: 'De id van de koppeling uit /ward bridge list' },
        required: true,
        max_length: 36,
      },
    ],
  };
}

/** `/ward bridge add|list|pause|resume|remove`: feeds and hashtags into a channel (moderators only). */
const BRIDGE_GROUP: APIApplicationCommandSubcommandGroupOption = {
  type: ApplicationCommandOptionType.SubcommandGroup,
  name: 'bridge',
  description: 'Feeds and hashtags posted into a channel',
  description_localizations: { nl: 'Feeds en hashtags in een kanaal' },
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Bridge a feed, a Mastodon hashtag or a Bluesky search into a channel',
      description_localizations: {
        nl: 'Koppel een feed, Mastodon-hashtag of Bluesky-zoekopdracht aan een kanaal',
      },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'source',
          description: 'Feed URL, #tag@mastodon.social or bluesky:<query>',
          description_localizations: { nl: 'Feed-URL, #tag@mastodon.social of bluesky:<zoekterm>' },
          required: true,
          max_length: 500,
        },
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          description: 'The channel to post into',
          description_localizations: { nl: 'Het kanaal waarin gepost wordt' },
          required: true,
          channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'filters',
          description: 'Options, e.g. include=diabetes lang=en,nl rate=4 daily=20',
          description_localizations: { nl: 'Opties, bijv. include=diabetes lang=en,nl rate=4 daily=20' },
          max_length: 1000,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: 'List the bridges',
      description_localizations: { nl: 'Toon de koppelingen' },
    },
    bridgeIdSubcommand(
      'pause',
      'Pause a bridge (nothing is lost)',
      'Pauzeer een koppeling (er gaat niets verloren)',
    ),
    bridgeIdSubcommand('resume', 'Resume a paused bridge', 'Hervat een gepauzeerde koppeling'),
    bridgeIdSubcommand('remove', 'Remove a bridge for good', 'Verwijder een koppeling definitief'),
  ],
};

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
        BRIDGE_GROUP,
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
