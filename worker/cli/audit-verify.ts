import { chainAllPendingAudit, verifyAuditChain } from '../../db/repositories/audit.ts';
import { openStore, runCommand } from './open-store.ts';

// npm run audit:verify — chains committed rows still pending, then recomputes the chain in chain_pos order and
// names the first broken row.
await runCommand(async () => {
  const { database } = await openStore();
  const chained = await chainAllPendingAudit(database.db);
  const result = await verifyAuditChain(database.db);
  await database.close();
  const pending = result.pending ? `, ${result.pending} rows still pending (committed after chaining)` : '';
  if (result.brokenAt === null) {
    process.stdout.write(
      `audit chain intact: ${result.rows} rows verified (${chained} chained just now)${pending}\n`,
    );
    return 0;
  }
  process.stdout.write(
    `audit chain BROKEN at row seq=${result.brokenAt} (${result.rows} rows before it verified)${pending}\n`,
  );
  return 3;
});
