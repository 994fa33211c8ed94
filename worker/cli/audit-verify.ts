import { verifyAuditChain } from '../../db/repositories/audit.ts';
import { openStore, runCommand } from './open-store.ts';

// npm run audit:verify — recomputes the hash chain and names the first broken row.
await runCommand(async () => {
  const { database } = await openStore();
  const result = await verifyAuditChain(database.db);
  await database.close();
  if (result.brokenAt === null) {
    process.stdout.write(`audit chain intact: ${result.rows} rows verified\n`);
    return 0;
  }
  process.stdout.write(
    `audit chain BROKEN at row seq=${result.brokenAt} (${result.rows} rows before it verified)\n`,
  );
  return 3;
});
