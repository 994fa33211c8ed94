import { openStore, runCommand } from '../cli/open-store.ts';
import { CommunityState } from '../community.ts';
import { runBridgeCommand } from '../commands/bridge-command.ts';

/** `npm run bridge -- add <url|#tag@instance|bluesky:query> <channel> [key=value …] | list | pause|resume|remove <id>` */
runCommand(async () => {
  const { database, config } = await openStore();
  try {
    const args = process.argv.slice(2).map((a) => (/\s/.test(a) ? `"${a}"` : a));
    // A running worker picks the change up within its sync interval (30 s).
    const answer = await runBridgeCommand(
      { db: database.db, community: new CommunityState(config) },
      args.join(' '),
      { id: 'cli', roles: ['moderator'] },
      'en',
    );
    process.stdout.write(`${answer.text}\n`);
    return answer.ok ? 0 : 1;
  } finally {
    await database.close();
  }
});
