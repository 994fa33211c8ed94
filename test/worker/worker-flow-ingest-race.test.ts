import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../bots/contract.ts';
import { getMessage, insertMessage } from '../../db/repositories/messages.ts';
import { messageIdFor } from '../../worker/ingest.ts';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';
import { onlyPolicies } from './worker-flow-support.ts';

const config = testConfig({ policies: onlyPolicies([]) });

describe.each(['postgres', 'pglite'] as const)('edits racing their original on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver, { config, concurrency: 2 });
  });
  afterAll(() => h.close());

  function pair(): { original: IncomingMessage; edit: IncomingMessage } {
    const sentAt = new Date(Date.now() - 60_000);
    const original = incoming('See you at group on Tuesday', {
      channelId: 'gen',
      platformMessageId: randomUUID(),
      sentAt,
    });
    const edit = {
      ...original,
      text: 'See you at group on Wednesday',
      edited: true,
      sentAt: new Date(sentAt.getTime() + 30_000),
    };
    return { original, edit };
  }
  async function stored(m: IncomingMessage): Promise<string> {
    const res = await h.runtime.ingest.receive(m);
    if (res.status === 'ignored') throw new Error(`ignored: ${res.reason}`);
    return res.messageId;
  }
  const editOf = async (id: string) => (await getMessage(h.runtime.database.db, id))?.editOf;

  it('links an edit that arrived before its original once the original lands', async () => {
    const { original, edit } = pair();
    const editId = await stored(edit);
    const originalId = await stored(original);
    expect(await editOf(originalId)).toBeNull();
    expect(await editOf(editId)).toBe(originalId);
  });

  it('links every edit of a message whose edits all overtook it', async () => {
    const { original, edit } = pair();
    const second = { ...edit, text: 'See you at group on Thursday', sentAt: new Date(Date.now()) };
    const [secondId, editId] = [await stored(second), await stored(edit)];
    const originalId = await stored(original);
    expect([await editOf(originalId), await editOf(editId), await editOf(secondId)]).toEqual([
      null,
      originalId,
      originalId,
    ]);
  });

  it('links the edit whichever commits first when both are received at once', async () => {
    const rounds = Array.from({ length: 25 }, pair);
    const ids = await Promise.all(
      rounds.map(async ({ original, edit }, i) => {
        const [a, b] =
          i % 2 === 0
            ? await Promise.all([stored(original), stored(edit)])
            : (await Promise.all([stored(edit), stored(original)])).reverse();
        return { originalId: a!, editId: b! };
      }),
    );
    for (const { originalId, editId } of ids) {
      expect(await editOf(originalId)).toBeNull();
      expect(await editOf(editId)).toBe(originalId);
    }
  });

  it('leaves a redelivered original and its edit as they were', async () => {
    const { original, edit } = pair();
    const originalId = await stored(original);
    const editId = await stored(edit);
    expect(await stored(original)).toBe(originalId);
    expect(await stored(edit)).toBe(editId);
    expect([await editOf(originalId), await editOf(editId)]).toEqual([null, originalId]);
  });

  it('links an edit of a message stored before first versions were recorded (the migration backfills them)', async () => {
    const { original, edit } = pair();
    const db = h.runtime.database.db;
    const ref = {
      platform: original.platform,
      workspaceId: original.workspaceId,
      platformChannelId: original.channelId,
      platformMessageId: original.platformMessageId,
    };
    const mac = h.runtime.cipher.mac(original.text);
    const legacyId = messageIdFor(ref, mac);
    // Stored the way ingest did before: no message_roots row.
    await insertMessage(db, {
      id: legacyId,
      communityId: 'test',
      ...ref,
      threadId: null,
      authorId: original.author.id,
      space: 'general',
      locale: null,
      contentMac: mac,
      editOf: null,
      textLength: original.text.length,
      textCipher: h.runtime.cipher.encrypt(original.text),
      sentAt: original.sentAt,
    });
    const backfill = readFileSync(
      new URL('../../db/migrations/0006_message_roots_backfill.sql', import.meta.url),
      'utf8',
    );
    await db.execute(sql.raw(backfill));
    expect(await editOf(await stored(edit))).toBe(legacyId);
  });
});
