import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxDelivery } from '../../../bots/sandbox/delivery.ts';
import { startSandboxHttp } from '../../../bots/sandbox/http.ts';
import { parseLine } from '../../../bots/sandbox/parse-line.ts';
import { SANDBOX_CONFIG_FILE } from '../../../bots/sandbox/sandbox-config.ts';
import { SandboxSession } from '../../../bots/sandbox/sandbox-session.ts';
import { loadConfigFile } from '../../../worker/load-config.ts';
import { type Harness, startHarness } from '../../support/ward-harness.ts';

describe('sandbox prompt parsing', () => {
  it('reads channels, personas, locales and moderator actions', () => {
    expect(parseLine('#general hello there')).toEqual({
      kind: 'post',
      channel: 'general',
      text: 'hello there',
    });
    expect(parseLine('just text')).toEqual({ kind: 'post', channel: null, text: 'just text' });
    expect(parseLine('/as moderator')).toEqual({ kind: 'as', persona: 'moderator' });
    expect(parseLine('/lang nl')).toEqual({ kind: 'lang', locale: 'nl-NL' });
    expect(parseLine('/claim abc')).toEqual({ kind: 'action', actionId: 'claim', subject: 'abc' });
    expect(parseLine('/as king').kind).toBe('error');
    expect(parseLine('#general').kind).toBe('error');
    expect(parseLine('/nope').kind).toBe('error');
  });
});

describe('sandbox over HTTP, through the real pipeline', () => {
  let h: Harness;
  let base: string;
  let close: () => void;
  const printed: string[] = [];
  beforeAll(async () => {
    const delivery = new SandboxDelivery((l) => printed.push(l));
    h = await startHarness('pglite', { config: loadConfigFile(SANDBOX_CONFIG_FILE), deliveries: [delivery] });
    const http = await startSandboxHttp(h.runtime, new SandboxSession(h.runtime), delivery, 0);
    base = `http://127.0.0.1:${http.port}`;
    close = () => http.server.close();
  });
  afterAll(async () => {
    close();
    await h.close();
  });

  it('answers a message with Ward’s decision and the redacted text only', async () => {
    const res = await fetch(`${base}/messages`, {
      method: 'POST',
      body: JSON.stringify({ channel: 'peer-support', text: 'mail me: sanne.bakker@example.nl' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { verdict: string; redacted: string; findings: { code: string }[] };
    expect(body.verdict).toBe('hold');
    expect(body.redacted).toContain('[EMAIL]');
    expect(JSON.stringify(body)).not.toContain('sanne.bakker@');
    await new Promise((r) => setTimeout(r, 1000));
    const effects = (await (await fetch(`${base}/effects`)).json()) as { kind: string; text: string }[];
    expect(effects.map((e) => e.kind)).toContain('dm_author');
    expect(printed.join('\n')).not.toContain('sanne.bakker@');
  });

  it('rejects bad requests clearly', async () => {
    expect((await fetch(`${base}/messages`, { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await fetch(`${base}/messages`, { method: 'POST', body: '{"text":"no channel"}' })).status).toBe(
      400,
    );
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const unknown = (await (
      await fetch(`${base}/messages`, { method: 'POST', body: '{"channel":"nope","text":"hi"}' })
    ).json()) as { status: string };
    expect(unknown.status).toBe('ignored');
  });
});
