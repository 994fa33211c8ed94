import { inviteUrl } from './invite.ts';

// `tsx bots/discord/print-invite.ts`: prints the URL a server admin opens to add Ward.
const applicationId = process.env.DISCORD_APPLICATION_ID;
if (!applicationId || !/^\d{15,22}$/.test(applicationId)) {
  process.stderr.write(
    'Set DISCORD_APPLICATION_ID (General Information → Application ID in the developer portal).\n',
  );
  process.exit(1);
}
process.stdout.write(`${inviteUrl(applicationId)}\n`);
