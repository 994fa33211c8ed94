import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, snowflake, user } from '../../fakes/discord/payloads.ts';
import { ids, startBoth } from './harness.ts';

let t: Awaited<ReturnType<typeof startBoth>>;
beforeAll(async () => {
  t = await startBoth();
});
afterAll(async () => t?.stop());

/** Waits for the next received message and returns it. */
async function nextReceived() {
  const before = t.ingest.received.length;
  await t.ingest.until(() => t.ingest.received.length > before);
  return t.ingest.received[before]!;
}

describe('messages in', () => {
  it('translates a guild channel message into an IncomingMessage', async () => {
    const next = nextReceived();
    const posted = t.fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member,
      content: 'bel me op 06-12345678',
    });
    const got = await next;
    expect(got).toMatchObject({
      platform: 'discord',
      workspaceId: ids.guild,
      channelId: ids.peerChannel,
      threadId: null,
      platformMessageId: posted.id,
      author: { id: ids.member, roles: ['member'] },
      text: 'bel me op 06-12345678',
      edited: false,
      locale: null,
    });
    expect(got.sentAt.toISOString()).toBe(new Date(posted.timestamp).toISOString());
  });

  it('maps the author’s Discord roles to community roles', async () => {
    const next = nextReceived();
    t.fake.postMessage({ channelId: ids.peerChannel, authorId: ids.moderator, content: 'mod here' });
    expect((await next).author.roles).toEqual(['member', 'verified_clinician', 'moderator']);
  });

  it('reports a thread message under its parent channel with the thread id', async () => {
    const next = nextReceived();
    t.fake.postMessage({ channelId: ids.thread, authorId: ids.member, content: 'in a thread' });
    expect(await next).toMatchObject({ channelId: ids.peerChannel, threadId: ids.thread });
  });

  it('includes a forum post’s title with its opening message', async () => {
    const next = nextReceived();
    t.fake.postMessage({
      id: ids.forumPost,
      channelId: ids.forumPost,
      authorId: ids.member,
      content: 'my question',
    });
    expect(await next).toMatchObject({
      channelId: ids.forum,
      threadId: ids.forumPost,
      text: 'Forum title\nmy question',
    });
    const reply = nextReceived();
    t.fake.postMessage({ channelId: ids.forumPost, authorId: ids.moderator, content: 'an answer' });
    expect((await reply).text).toBe('an answer');
  });

  it('ignores other bots, webhooks and Ward itself', async () => {
    const before = t.ingest.received.length;
    t.fake.postMessage({ channelId: ids.peerChannel, authorId: ids.otherBot, content: 'beep', bot: true });
    t.fake.postMessage({
      channelId: ids.peerChannel,
      authorId: snowflake(),
      content: 'hook',
      webhookId: snowflake(),
    });
    t.fake.postMessage({
      channelId: ids.peerChannel,
      authorId: t.fake.bot.id,
      content: 'Ward speaking',
      bot: true,
    });
    const last = t.fake.postMessage({ channelId: ids.peerChannel, authorId: ids.member, content: 'human' });
    await t.ingest.until(() => t.ingest.received.some((m) => m.platformMessageId === last.id));
    expect(t.ingest.received.slice(before).map((m) => m.text)).toEqual(['human']);
  });
});

describe('edits', () => {
  it('forwards an edit of a cached message as edited: true with the new text', async () => {
    const first = nextReceived();
    const posted = t.fake.postMessage({ channelId: ids.peerChannel, authorId: ids.member, content: 'fine' });
    await first;
    const edit = nextReceived();
    t.fake.editMessage(posted.id, 'now with 0612345678');
    expect(await edit).toMatchObject({
      platformMessageId: posted.id,
      edited: true,
      text: 'now with 0612345678',
    });
  });

  it('keeps create and an immediate edit in order, each with its own text', async () => {
    const posted = t.fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member,
      content: 'first version',
    });
    t.fake.editMessage(posted.id, 'second version');
    await t.ingest.until(
      () => t.ingest.received.filter((m) => m.platformMessageId === posted.id).length === 2,
    );
    const seen = t.ingest.received
      .filter((m) => m.platformMessageId === posted.id)
      .map((m) => [m.text, m.edited]);
    expect(seen).toEqual([
      ['first version', false],
      ['second version', true],
    ]);
  });

  it('fetches a partial edit of an uncached message and forwards it', async () => {
    const stored = message({
      channelId: ids.thread,
      guildId: ids.guild,
      author: user(ids.member, 'patient'),
      memberRoles: [],
      content: 'old text before Ward started',
    });
    t.fake.rest.messages.set(stored.id, stored);
    const edit = nextReceived();
    t.fake.editMessage(stored.id, 'edited while Ward was away', { partial: true });
    expect(await edit).toMatchObject({
      platformMessageId: stored.id,
      channelId: ids.peerChannel,
      threadId: ids.thread,
      edited: true,
      text: 'edited while Ward was away',
      author: { id: ids.member },
    });
    expect(t.fake.rest.callsTo('GET', new RegExp(`/messages/${stored.id}$`))).toHaveLength(1);
  });

  it('ignores updates that are not edits (link previews) and unchanged text', async () => {
    const first = nextReceived();
    const posted = t.fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member,
      content: 'see https://example.org',
    });
    await first;
    const before = t.ingest.received.length;
    t.fake.editMessage(posted.id, 'see https://example.org', { editedAt: null });
    t.fake.editMessage(posted.id, 'see https://example.org');
    const marker = t.fake.postMessage({
      channelId: ids.peerChannel,
      authorId: ids.member,
      content: 'marker',
    });
    await t.ingest.until(() => t.ingest.received.some((m) => m.platformMessageId === marker.id));
    expect(t.ingest.received.slice(before).map((m) => m.text)).toEqual(['marker']);
  });
});

describe('deletes', () => {
  it('forwards a delete, a thread delete under its parent, and a bulk delete', async () => {
    const one = snowflake();
    t.fake.deleteMessage(one, ids.peerChannel);
    const two = snowflake();
    t.fake.deleteMessage(two, ids.thread);
    const bulk = [snowflake(), snowflake(), snowflake()];
    t.fake.bulkDelete(bulk, ids.peerChannel);
    await t.ingest.until(() => t.ingest.deletes.length >= 5);
    const base = { platform: 'discord', workspaceId: ids.guild };
    expect(t.ingest.deletes).toEqual([
      { ...base, channelId: ids.peerChannel, platformMessageId: one },
      { ...base, channelId: ids.peerChannel, platformMessageId: two },
      ...bulk.map((id) => ({ ...base, channelId: ids.peerChannel, platformMessageId: id })),
    ]);
  });
});
