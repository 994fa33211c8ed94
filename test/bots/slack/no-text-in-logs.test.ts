import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../../bots/slack/index.ts';
import { envelope, messageEvent, slashCommand } from '../../fakes/slack/payloads.ts';
import { FakeSocketModeServer } from '../../fakes/slack/socket-mode-server.ts';
import { FakeSlackWebApi } from '../../fakes/slack/web-api-server.ts';
import { APP_TOKEN, BOT_TOKEN, RecordingIngest, testConfig } from './support.ts';

const SECRET = 'Zwanenburg-0612345678-geheim';

describe('message text never reaches the logs, even at trace level', () => {
  const lines: string[] = [];
  let api: FakeSlackWebApi;
  let socket: FakeSocketModeServer;
  let adapter: SlackAdapter;
  const ingest = new RecordingIngest();

  beforeAll(async () => {
    api = await FakeSlackWebApi.start({
      [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
      [APP_TOKEN]: { team_id: 'T1', user_id: 'UBOT' },
    });
    socket = await FakeSocketModeServer.start();
    api.socketUrl = socket.url;
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    adapter = await startSlackAdapter({
      ingest,
      config: testConfig(),
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.url },
      logger: pino({ level: 'trace' }, sink),
      ingestRetryDelaysMs: [1, 1, 1],
    });
  });
  afterAll(async () => {
    await adapter?.stop();
    await socket?.close();
    await api?.close();
  });

  it('through inbound events, a failing ingest, a bad command and outbound delivery', async () => {
    await socket.push(
      'events_api',
      envelope(messageEvent({ channel: 'CPEER', user: 'U1', text: SECRET, ts: '1.000001' })),
    );
    ingest.failNext = 4;
    await socket.push(
      'events_api',
      envelope(messageEvent({ channel: 'CPEER', user: 'U1', text: SECRET, ts: '1.000002' })),
    );
    await socket.push(
      'slash_commands',
      slashCommand({
        user: 'U1',
        channel: 'CPEER',
        text: `explain ${SECRET}`,
        responseUrl: `${api.origin}/response/x`,
      }),
    );
    api.failOnce('chat.postMessage', 'not_in_channel');
    await adapter.delivery
      .deliver({
        kind: 'alert_moderators',
        effectId: 'e1',
        channelId: 'CADMIN',
        workspaceId: 'T1',
        text: SECRET,
      })
      .catch(() => {});
    await ingest.waitFor(() => ingest.received.length === 1);
    // The failing ingest logs once its retries are spent.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (lines.some((l) => l.includes('could not be ingested'))) {
          clearInterval(t);
          resolve();
        }
      }, 50);
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('0612345678');
  });
});
