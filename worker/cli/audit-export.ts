import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditRows, chainAllPendingAudit } from '../../db/repositories/audit.ts';
import { openStore, runCommand } from './open-store.ts';

// npm run audit:export -- --from 2026-01-01 --to 2026-02-01 [--out file.jsonl]
// Pending rows are chained first, so every exported row carries its chain_pos, prev_hash and hash.
await runCommand(async () => {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const from = new Date(values.from ?? '1970-01-01');
  const to = new Date(values.to ?? Date.now() + 1000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    process.stderr.write(
      'usage: npm run audit:export -- --from YYYY-MM-DD --to YYYY-MM-DD [--out file.jsonl]\n',
    );
    return 2;
  }
  const { database, config } = await openStore();
  await chainAllPendingAudit(database.db);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  let n = 0;
  for await (const row of auditRows(database.db, config.community.id, from, to)) {
    out.write(`${JSON.stringify(row)}\n`);
    n++;
  }
  if (values.out) await new Promise((r) => (out as ReturnType<typeof createWriteStream>).end(r));
  process.stderr.write(`${n} audit rows exported\n`);
  await database.close();
  return 0;
});
