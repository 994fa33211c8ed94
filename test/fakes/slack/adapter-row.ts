import { OFFERED_PER_S } from '../../../bench/offered-rate.ts';
import { withTimeout } from '../../../bench/stats.ts';
import type { BenchContext, BenchRow, RowOutcome } from '../../../bench/types.ts';
import { startSlackAdapter } from '../../../bots/slack/index.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import {
  adapterFigures,
  adapterRowProblem,
  backgroundTexts,
  burstRate,
  exposure,
  offerSteady,
  phoneText,
  type SentEvent,
  startAdapterBench,
  WAIT_MS,
} from '../adapter-bench.ts';
import { FakeSlackEventsSender } from './events-sender.ts';
import { envelope, messageEvent } from './payloads.ts';
import { FakeSocketModeServer } from './socket-mode-server.ts';
import { FakeSlackWebApi } from './web-api-server.ts';

const BOT_TOKEN = 'xoxb-bench';
const APP_TOKEN = 'xapp-bench';
const ADMIN_TOKEN = 'xoxp-bench-admin';
const SIGNING_SECRET = 'bench-signing-secret';
const PEER = 'CPEER';
// HTTP mode: Slack itself keeps a bounded number of requests open; so does the burst.
const HTTP_WINDOW = 50;
const WARM_EVENTS = 300;

let tsSeq = 0;
/** A fresh Slack message timestamp (the message's identity within the channel). */
const nextTs = () => `1700002000.${String(++tsSeq).padStart(6, '0')}`;

/** Sends one message event the way the row's mode delivers it; settles with the ack (HTTP: its measured ms). */
type SendEvent = (event: Record<string, unknown>) => Promise<unknown>;

/** A message event from `user` with a fresh timestamp, sent now. */
function sendMessage(send: SendEvent, user: string, text: string, channel = PEER): SentEvent {
  const ts = nextTs();
  return { key: ts, ack: send(envelope(messageEvent({ channel, user, text, ts }))) };
}

/**
 * Warms the receive path (JIT, HTTP connections) with events in a channel Ward does not watch, so ingest drops
 * them and no evaluation backlog is left; then one phone post is removed end to end (lexicons, delivery).
 */
async function warmUp(
  send: SendEvent,
  deletedAt: ReadonlyMap<string, number>,
  texts: string[],
): Promise<void> {
  for (let i = 0; i < WARM_EVENTS; i++)
    await sendMessage(send, 'UWARM', texts[i % texts.length]!, 'CUNWATCHED').ack;
  const warm = sendMessage(send, 'UWARM', phoneText(0));
  await warm.ack;
  const warmed = await exposure([{ key: warm.key, at: 0 }], (k) => deletedAt.get(k));
  if (warmed.lost) throw new Error(`warm-up removal took longer than ${WAIT_MS} ms`);
}

/** The loopback Web API; its `chat.delete` responder marks the end of each exposure window. */
async function startWebApi(): Promise<{ api: FakeSlackWebApi; deletedAt: Map<string, number> }> {
  const api = await FakeSlackWebApi.start({
    [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
    [APP_TOKEN]: { team_id: 'T1', user_id: 'UBOT' },
    [ADMIN_TOKEN]: { team_id: 'T1', user_id: 'UADMIN' },
  });
  api.setGroupMembers('SMODS', ['UMOD']);
  const deletedAt = new Map<string, number>();
  api.respond('chat.delete', (call) => {
    if (call.token === ADMIN_TOKEN) deletedAt.set(String(call.args.ts), performance.now());
    return { ok: true, channel: call.args.channel, ts: call.args.ts };
  });
  return { api, deletedAt };
}

/** Connects the transport of one mode: Socket Mode (a WebSocket the fake pushes to) or signed HTTP requests. */
async function connect(
  mode: 'socket' | 'http',
  api: FakeSlackWebApi,
): Promise<{ env: Record<string, string>; socket: FakeSocketModeServer | null }> {
  const base = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_ADMIN_USER_TOKEN: ADMIN_TOKEN, SLACK_API_URL: api.url };
  if (mode === 'http')
    return {
      env: { ...base, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_MODE: 'http', SLACK_PORT: '0' },
      socket: null,
    };
  const socket = await FakeSocketModeServer.start();
  api.socketUrl = socket.url;
  return { env: { ...base, SLACK_APP_TOKEN: APP_TOKEN, SLACK_MODE: 'socket' }, socket };
}

/** One Slack adapter row: the real Bolt app and runtime (real Redis) against the loopback Slack fakes. */
function slackRow(name: string, mode: 'socket' | 'http'): BenchRow {
  return {
    name,
    async run(ctx: BenchContext): Promise<RowOutcome> {
      const problem = await adapterRowProblem(ctx);
      if (problem) return { skipped: problem };
      const texts = backgroundTexts(ctx);
      const config = validateConfig({
        community: { id: 'bench', name: 'Bench', admin_channel: { platform: 'slack', id: 'CADMIN' } },
        channels: [{ platform: 'slack', id: PEER, space: 'peer_support' }],
        roles: { moderator: ['SMODS'] },
      });
      const bench = await startAdapterBench(ctx, {
        tag: `slack-${mode}`,
        platform: 'slack',
        config,
        postgres: true,
      });
      try {
        const { api, deletedAt } = await startWebApi();
        bench.onClose(() => api.close());
        const { env, socket } = await connect(mode, api);
        if (socket) bench.onClose(() => socket.close());
        const adapter = await startSlackAdapter({ ingest: bench.ingest, config, env, logger: bench.logger });
        bench.onClose(() => adapter.stop());
        bench.delivery.resolve(adapter.delivery);
        let send: SendEvent;
        if (socket) {
          await withTimeout(socket.waitForConnection(), WAIT_MS, 'socket mode connection');
          send = (e) => socket.push('events_api', e);
        } else {
          const sender = new FakeSlackEventsSender(adapter.eventsUrl!, SIGNING_SECRET);
          send = (e) =>
            sender.event(e).then((r) => {
              if (r.status !== 200) throw new Error(`events endpoint answered ${r.status}`);
            });
        }

        await warmUp(send, deletedAt, texts);
        // Many authors, as in a busy workspace (and no merging into one author's open escalation).
        const load = await offerSteady(ctx.sizes.pipelineSteadyMs, (i, isPhone) =>
          sendMessage(send, `U${i}`, isPhone ? phoneText(i) : `${texts[i % texts.length]} [${i}]`),
        );
        const removed = await exposure(load.phones, (k) => deletedAt.get(k));
        const rate = await burstRate(
          bench.accepted,
          ctx.quick ? 300 : 1000,
          (i) => sendMessage(send, `UB${i}`, `${texts[i % texts.length]} (${i})`),
          mode === 'http' ? HTTP_WINDOW : Number.POSITIVE_INFINITY,
        );
        return {
          row: adapterFigures(rate, load.acks, removed.samples),
          note:
            `${mode === 'http' ? `HTTP Events API (signed requests, ≤ ${HTTP_WINDOW} open in the burst)` : 'Socket Mode'}; ` +
            `${load.acks.length} events (${load.phones.length} phone numbers) at ${OFFERED_PER_S}/s on ${bench.database}` +
            (removed.lost ? `; ${removed.lost} not removed in ${WAIT_MS} ms (counted when given up)` : ''),
        };
      } finally {
        await bench.close();
      }
    },
  };
}

/** `adapter.slack`: Socket Mode. */
export const adapterSlackRow: BenchRow = slackRow('adapter.slack', 'socket');

/** `adapter.slack.http`: the HTTP Events API with signed requests, as Slack sends them to a public endpoint. */
export const adapterSlackHttpRow: BenchRow = slackRow('adapter.slack.http', 'http');
