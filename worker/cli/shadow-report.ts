import { parseArgs } from 'node:util';
import { formatShadowReport, shadowReport } from '../commands/shadow-report.ts';
import { openStore, runCommand } from './open-store.ts';

// npm run shadow-report -- [--days 30]
await runCommand(async () => {
  const { values } = parseArgs({ options: { days: { type: 'string', default: '30' } }, strict: true });
  const days = Number(values.days);
  if (!Number.isFinite(days) || days <= 0) {
    process.stderr.write('usage: npm run shadow-report -- [--days N]\n');
    return 2;
  }
  const { database } = await openStore();
  process.stdout.write(
    `${formatShadowReport(await shadowReport(database.db, new Date(Date.now() - days * 86_400_000)))}\n`,
  );
  await database.close();
  return 0;
});
