import { parseArgs } from 'node:util';
import { eraseMemberEverywhere } from '../accountability/erase-member.ts';
import { openStore, runCommand } from './open-store.ts';

// npm run erase -- --member <platform:id>
await runCommand(async () => {
  const { values } = parseArgs({ options: { member: { type: 'string' } }, strict: true });
  const match = /^(slack|discord|sandbox|bridge):(.+)$/.exec(values.member ?? '');
  if (!match) {
    process.stderr.write('usage: npm run erase -- --member <slack|discord|sandbox>:<platform user id>\n');
    return 2;
  }
  const { database, cipher, config } = await openStore();
  const report = await eraseMemberEverywhere(database, cipher, config.community.id, {
    platform: match[1]!,
    id: match[2]!,
  });
  process.stdout.write(
    `erased: ${report.messages} messages, ${report.cancelledEffects} pending effects cancelled; recorded as ${report.pseudonym}\n`,
  );
  await database.close();
  return 0;
});
