import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlashCommandHandler, SlashCommandRequest, WardCommand } from '../../../bots/slack/index.ts';
import { FakeSlackEventsSender } from '../../fakes/slack/events-sender.ts';
import { blockActions, messageShortcut, slashCommand } from '../../fakes/slack/payloads.ts';
import { type Harness, SIGNING_SECRET, startHarness } from './support.ts';

class RecordingCommands implements SlashCommandHandler {
  readonly seen: { command: WardCommand; request: SlashCommandRequest }[] = [];
  async handle(command: WardCommand, request: SlashCommandRequest): Promise<string> {
    this.seen.push({ command, request });
    return `done: ${command.kind} <!channel>`;
  }
}

describe('Slack adapter interactivity and /ward over HTTP', () => {
  let h: Harness;
  let slack: FakeSlackEventsSender;
  const commands = new RecordingCommands();

  beforeAll(async () => {
    h = await startHarness({ mode: 'http', commands });
    slack = new FakeSlackEventsSender(h.adapter.eventsUrl!, SIGNING_SECRET);
  });
  afterAll(async () => h?.close());

  it('forwards a card button press as an IncomingAction with the presser roles', async () => {
    const res = await slack.interaction(
      blockActions({ user: 'UMOD', channel: 'CADMIN', actionId: 'ward:claim', value: 'esc-1' }),
    );
    expect(res.status).toBe(200);
    await h.ingest.waitFor(() => h.ingest.actions.length >= 1);
    expect(h.ingest.actions[0]).toEqual({
      platform: 'slack',
      workspaceId: 'T1',
      actionId: 'claim',
      subject: 'esc-1',
      actor: { id: 'UMOD', roles: ['member', 'moderator'] },
    });
  });

  it('forwards a specialty pick as a route action with the specialty as value', async () => {
    await slack.interaction(
      blockActions({
        user: 'UDOC',
        channel: 'CADMIN',
        actionId: 'ward:route',
        selectedValue: 'esc-2 cardiology',
      }),
    );
    await h.ingest.waitFor(() => h.ingest.actions.some((a) => a.subject === 'esc-2'));
    expect(h.ingest.actions.find((a) => a.subject === 'esc-2')).toMatchObject({
      actionId: 'route',
      value: 'cardiology',
      actor: { id: 'UDOC', roles: ['member', 'verified_clinician'] },
    });
  });

  it('ignores buttons that are not Ward’s and refuses a bad signature', async () => {
    const before = h.ingest.actions.length;
    await slack.interaction(
      blockActions({ user: 'U2', channel: 'CADMIN', actionId: 'other:claim', value: 'x' }),
    );
    const bad = await slack.interaction(
      blockActions({ user: 'U2', channel: 'CADMIN', actionId: 'ward:claim', value: 'y' }),
      {
        signWith: 'wrong',
      },
    );
    expect(bad.status).toBe(401);
    await slack.interaction(
      blockActions({ user: 'U2', channel: 'CADMIN', actionId: 'ward:appeal', value: 'eff-9' }),
    );
    await h.ingest.waitFor(() => h.ingest.actions.some((a) => a.subject === 'eff-9'));
    expect(h.ingest.actions.slice(before).map((a) => a.subject)).toEqual(['eff-9']);
  });

  it('shows the worker’s answer (a refusal) to the presser only, ephemeral in the channel of the press', async () => {
    await slack.interaction(
      blockActions({ user: 'U3', channel: 'CADMIN', actionId: 'ward:resolve_remove', value: 'esc-3' }),
    );
    await h.ingest.waitFor(() => h.ingest.actions.some((a) => a.subject === 'esc-3'));
    const action = h.ingest.actions.find((a) => a.subject === 'esc-3')!;
    expect(await h.adapter.answerAction(action, 'Only moderators can do that.')).toBe(true);
    const call = h.api.callsTo('chat.postEphemeral').at(-1)!;
    expect(call.args).toMatchObject({ channel: 'CADMIN', user: 'U3', text: 'Only moderators can do that.' });
  });

  it('shows a refusal the worker returns to the presser only', async () => {
    h.ingest.actionResult = { status: 'refused', notice: 'Only moderators and clinicians can act on cards.' };
    const before = h.api.callsTo('chat.postEphemeral').length;
    await slack.interaction(
      blockActions({ user: 'U5', channel: 'CADMIN', actionId: 'ward:claim', value: 'esc-5' }),
    );
    await h.api.waitFor(() => h.api.callsTo('chat.postEphemeral').length > before);
    h.ingest.actionResult = undefined;
    expect(h.api.callsTo('chat.postEphemeral').at(-1)!.args).toMatchObject({
      channel: 'CADMIN',
      user: 'U5',
      text: 'Only moderators and clinicians can act on cards.',
    });
  });

  it('tells the presser when the action could not be forwarded', async () => {
    h.ingest.failNext = 1;
    const before = h.api.callsTo('chat.postEphemeral').length;
    await slack.interaction(
      blockActions({ user: 'U4', channel: 'CADMIN', actionId: 'ward:dismiss', value: 'esc-4' }),
    );
    await h.api.waitFor(() => h.api.callsTo('chat.postEphemeral').length > before);
    expect(h.api.callsTo('chat.postEphemeral').at(-1)!.args).toMatchObject({ channel: 'CADMIN', user: 'U4' });
  });

  it('"Report to moderators": ingests the message, reports it by Ward id, thanks the reporter privately', async () => {
    const ts = '1700000000.000777';
    const before = h.ingest.received.length;
    const res = await slack.interaction(
      messageShortcut({
        callbackId: 'ward_report',
        reporter: 'UREPORTER',
        channel: 'CPEER',
        message: { user: 'UAUTHOR', text: 'Stop taking your <https://example.com|meds>', ts },
      }),
    );
    expect(res.status).toBe(200);
    await h.ingest.waitFor(() => h.ingest.actions.some((a) => a.actionId === 'report'));
    expect(h.ingest.received.slice(before)).toHaveLength(1);
    expect(h.ingest.received.at(-1)).toMatchObject({
      platformMessageId: ts,
      author: { id: 'UAUTHOR' },
      edited: false,
    });
    const report = h.ingest.actions.find((a) => a.actionId === 'report')!;
    expect(report).toMatchObject({ subject: `m-${h.ingest.received.length}`, actor: { id: 'UREPORTER' } });
    await h.api.waitFor((calls) =>
      calls.some((c) => c.method === 'chat.postEphemeral' && c.args.user === 'UREPORTER'),
    );
    expect(h.api.calls.find((c) => c.args.user === 'UREPORTER')!.args).toMatchObject({
      channel: 'CPEER',
      text: expect.stringContaining('will not see who reported it'),
    });
  });

  it('answers bad /ward input with the usage, in the ack itself', async () => {
    for (const text of ['', 'explode', 'explain not-a-link']) {
      const res = await slack.command(
        slashCommand({ user: 'U2', channel: 'CPEER', text, responseUrl: `${h.api.origin}/response/1` }),
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('/ward explain'),
      });
    }
    expect(commands.seen).toHaveLength(0);
  });

  it('parses /ward explain <link>, runs the handler and answers privately through response_url, escaped', async () => {
    const link =
      '<https://ward-test.slack.com/archives/CPEER/p1700000000000100?thread_ts=1699999999.000001&cid=CPEER>';
    const res = await slack.command(
      slashCommand({
        user: 'UMOD',
        channel: 'CPEER',
        text: `explain ${link}`,
        responseUrl: `${h.api.origin}/response/2`,
      }),
    );
    expect(res.status).toBe(200);
    await h.api.waitFor(() => h.api.responses.some((r) => r.path === '/response/2'));
    expect(commands.seen[0]).toEqual({
      command: {
        kind: 'explain',
        target: { channelId: 'CPEER', platformMessageId: '1700000000.000100', threadId: '1699999999.000001' },
      },
      request: {
        platform: 'slack',
        workspaceId: 'T1',
        channelId: 'CPEER',
        user: { id: 'UMOD', roles: ['member', 'moderator'] },
      },
    });
    const answer = h.api.responses.find((r) => r.path === '/response/2')!.body;
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: 'done: explain &lt;!channel&gt;' });
  });

  it('runs /ward status and /ward config check', async () => {
    for (const [text, n] of [
      ['status', 3],
      ['config check', 4],
    ] as const) {
      await slack.command(
        slashCommand({ user: 'UMOD', channel: 'CPEER', text, responseUrl: `${h.api.origin}/response/${n}` }),
      );
      await h.api.waitFor(() => h.api.responses.some((r) => r.path === `/response/${n}`));
    }
    expect(commands.seen.map((s) => s.command.kind)).toEqual(['explain', 'status', 'config_check']);
  });
});
