import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandHandler } from '../../../bots/discord/index.ts';
import { encodeCustomId, REPORT_COMMAND } from '../../../bots/discord/index.ts';
import { buttonPress, messageMenu, selectChoice, slashCommand } from '../../fakes/discord/interactions.ts';
import { message, snowflake, user } from '../../fakes/discord/payloads.ts';
import { ids, startBoth } from './harness.ts';

const asked: string[] = [];
const commands: CommandHandler = {
  async explain(req) {
    asked.push(
      `explain ${req.channelId} ${req.threadId} ${req.platformMessageId} ${req.actor.roles.join(',')}`,
    );
    return { text: 'held by confidentiality: pii.PHONE' };
  },
  async status() {
    return { text: 'all good' };
  },
  async configCheck() {
    return { text: 'config ok' };
  },
};

let t: Awaited<ReturnType<typeof startBoth>>;
beforeAll(async () => {
  t = await startBoth({ commands });
});
afterAll(async () => t?.stop());

const mod = () => ({
  guildId: ids.guild,
  channelId: ids.adminChannel,
  actor: user(ids.moderator, 'mod'),
  actorRoles: [ids.modRole],
});
const card = () =>
  message({ channelId: ids.adminChannel, guildId: ids.guild, author: t.fake.bot, content: 'card' });

/** The callback the fake received for an interaction. */
function callbackOf(interaction: { id: string; token: string }) {
  return t.fake.rest.waitForCall(
    (c) => c.method === 'POST' && c.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
  );
}

describe('commands registration', () => {
  it('registers /ward and the report context menu in the guild at login', async () => {
    const call = await t.fake.rest.waitForCall((c) => c.method === 'PUT');
    expect(call.path).toBe(`/applications/${t.fake.applicationId}/guilds/${ids.guild}/commands`);
    const names = (call.body as { name: string; type: number }[]).map((c) => [c.name, c.type]);
    expect(names).toEqual([
      ['ward', 1],
      [REPORT_COMMAND, 3],
    ]);
  });
});

describe('buttons', () => {
  it('defers the update, then forwards the action with the actor’s community roles', async () => {
    const subject = 'b3c1f2a4-0000-4000-8000-000000000001';
    const i = t.fake.interact(
      buttonPress(mod(), encodeCustomId({ actionId: 'claim', subject, workspaceId: null }), card()),
    );
    expect((await callbackOf(i)).body).toEqual({ type: 6 });
    await t.ingest.until(() => t.ingest.actions.some((a) => a.subject === subject));
    expect(t.ingest.actions.find((a) => a.subject === subject)).toEqual({
      platform: 'discord',
      workspaceId: ids.guild,
      actionId: 'claim',
      subject,
      actor: { id: ids.moderator, roles: ['member', 'moderator'] },
    });
  });

  it('forwards the chosen specialty of the route menu as the value', async () => {
    const subject = 'esc-route-1';
    const customId = encodeCustomId({ actionId: 'route', subject, workspaceId: null });
    const i = t.fake.interact(selectChoice(mod(), customId, ['psychiatry'], card()));
    await callbackOf(i);
    await t.ingest.until(() => t.ingest.actions.some((a) => a.subject === subject));
    expect(t.ingest.actions.find((a) => a.subject === subject)).toMatchObject({
      actionId: 'route',
      value: 'psychiatry',
    });
  });

  it('takes the workspace from the custom_id for buttons pressed in a DM', async () => {
    const subject = 'effect-dm-1';
    const customId = encodeCustomId({ actionId: 'repost_redacted', subject, workspaceId: ids.guild });
    const dm = { guildId: null, channelId: snowflake(), actor: user(ids.member, 'patient') };
    const i = t.fake.interact(
      buttonPress(dm, customId, message({ channelId: dm.channelId, author: t.fake.bot, content: 'dm' })),
    );
    expect((await callbackOf(i)).body).toEqual({ type: 6 });
    await t.ingest.until(() => t.ingest.actions.some((a) => a.subject === subject));
    expect(t.ingest.actions.find((a) => a.subject === subject)).toMatchObject({
      workspaceId: ids.guild,
      actionId: 'repost_redacted',
      actor: { id: ids.member, roles: ['member'] },
    });
  });

  it('shows a refusal notice to the presser only, after deferring', async () => {
    t.ingest.actionResult = {
      status: 'refused',
      notice: 'Only moderators and verified clinicians can act on moderation cards.',
    };
    const member = { guildId: ids.guild, channelId: ids.adminChannel, actor: user(ids.member, 'patient') };
    const subject = 'esc-refused';
    const i = t.fake.interact(
      buttonPress(member, encodeCustomId({ actionId: 'claim', subject, workspaceId: null }), card()),
    );
    expect((await callbackOf(i)).body).toEqual({ type: 6 });
    const followUp = await t.fake.rest.waitForCall(
      (c) => c.method === 'POST' && c.path === `/webhooks/${t.fake.applicationId}/${i.token}`,
    );
    expect(followUp.body).toMatchObject({
      content: 'Only moderators and verified clinicians can act on moderation cards.',
      flags: 64,
    });
    expect(t.ingest.actions.find((a) => a.subject === subject)?.actor.roles).toEqual(['member']);
    t.ingest.actionResult = { status: 'done' };
  });

  it('leaves other bots’ components alone', async () => {
    const before = t.fake.rest.calls.length;
    t.fake.interact(buttonPress(mod(), 'someone-else:thing', card()));
    const subject = 'after-foreign';
    const i = t.fake.interact(
      buttonPress(mod(), encodeCustomId({ actionId: 'dismiss', subject, workspaceId: null }), card()),
    );
    await callbackOf(i);
    const callbacks = t.fake.rest.calls.slice(before).filter((c) => c.path.startsWith('/interactions/'));
    expect(callbacks.map((c) => c.path)).toEqual([`/interactions/${i.id}/${i.token}/callback`]);
  });
});

describe('slash commands and the report menu', () => {
  it('answers /ward explain privately with the handler’s text, resolving a thread link to its parent', async () => {
    const link = `https://discord.com/channels/${ids.guild}/${ids.thread}/${snowflake()}`;
    const i = t.fake.interact(slashCommand(mod(), snowflake(), ['explain'], { message: link }));
    expect((await callbackOf(i)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await t.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect((edit.body as { content: string }).content).toBe('held by confidentiality: pii.PHONE');
    expect(asked.at(-1)).toMatch(
      new RegExp(`^explain ${ids.peerChannel} ${ids.thread} \\d+ member,moderator$`),
    );
  });

  it('routes /ward config check and /ward status to the handler', async () => {
    const a = t.fake.interact(slashCommand(mod(), snowflake(), ['config', 'check']));
    const b = t.fake.interact(slashCommand(mod(), snowflake(), ['status']));
    const editA = await t.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.includes(a.token));
    const editB = await t.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.includes(b.token));
    expect([editA.body, editB.body]).toMatchObject([{ content: 'config ok' }, { content: 'all good' }]);
  });

  it('turns "Ask Ward to review" into a report on Ward’s message id, confirming privately', async () => {
    const target = message({
      channelId: ids.peerChannel,
      guildId: ids.guild,
      author: user(ids.member, 'patient'),
      content: 'reported text',
      memberRoles: [],
    });
    const reporter = {
      guildId: ids.guild,
      channelId: ids.peerChannel,
      actor: user(snowflake(), 'reporter'),
      locale: 'nl',
    };
    const i = t.fake.interact(messageMenu(reporter, snowflake(), REPORT_COMMAND, target));
    expect((await callbackOf(i)).body).toEqual({ type: 5, data: { flags: 64 } });
    await t.ingest.until(() => t.ingest.actions.some((a) => a.actionId === 'report'));
    expect(t.ingest.received.find((m) => m.platformMessageId === target.id)).toMatchObject({
      text: 'reported text',
      channelId: ids.peerChannel,
    });
    expect(t.ingest.actions.find((a) => a.actionId === 'report')).toMatchObject({
      workspaceId: ids.guild,
      subject: `ward-${target.id}`,
      actor: { id: reporter.actor.id, roles: ['member'] },
    });
    const edit = await t.fake.rest.waitForCall((c) => c.method === 'PATCH' && c.path.includes(i.token));
    expect((edit.body as { content: string }).content).toMatch(/vertrouwelijk/);
  });
});
