import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WardCommands } from '../../worker/commands/ward-commands.ts';
import { createMetrics } from '../../worker/metrics.ts';
import { type Harness, incoming, startHarness, testConfig } from '../support/ward-harness.ts';

describe('/ward commands, shadow mode and metrics', () => {
  let h: Harness;
  let commands: WardCommands;
  beforeAll(async () => {
    h = await startHarness('postgres', {
      config: testConfig({
        channels: [
          { platform: 'sandbox', id: 'peer', name: 'peer', space: 'peer_support' },
          { platform: 'sandbox', id: 'shadowed', name: 'shadowed', space: 'peer_support', shadow: true },
        ],
      }),
    });
    commands = new WardCommands(h.runtime, 'ward.config.example.yaml', ['sandbox']);
  });
  afterAll(() => h.close());

  it('explains a stored message with every policy’s outcome, redacted, without acting', async () => {
    const msg = incoming('Ring me on 06 12 34 56 78, Wendelien');
    const r = await h.runtime.ingest.receive(msg);
    if (r.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(r.messageId, 10_000);
    await h.delivery.waitUntil((all) =>
      all.some((e) => e.kind === 'dm_author' && e.target.platformMessageId === msg.platformMessageId),
    );
    await new Promise((res) => setTimeout(res, 500));
    const effectsBefore = h.delivery.effects.length;
    const text = await commands.explain({
      platform: 'sandbox',
      workspaceId: 'w1',
      channelId: 'peer',
      platformMessageId: msg.platformMessageId,
    });
    expect(text).toContain('hold');
    expect(text).toContain('contact_details');
    expect(text).toContain('[PHONE]');
    expect(text).not.toContain('56 78');
    expect(text).toMatch(/Would do: .*remove/);
    await new Promise((res) => setTimeout(res, 300));
    expect(h.delivery.effects.length).toBe(effectsBefore); // a dry run delivers nothing
    expect(await commands.explain({ messageId: '00000000-0000-4000-8000-000000000000' })).toMatch(
      /no stored text/,
    );
  });

  it('records shadow-mode decisions, acts on nothing, and reports them', async () => {
    const r = await h.runtime.ingest.receive(
      incoming('mail me at piet.jansen@example.nl', { channelId: 'shadowed' }),
    );
    if (r.status !== 'accepted') throw new Error('not accepted');
    await h.runtime.waitForDecision(r.messageId, 10_000);
    await new Promise((res) => setTimeout(res, 500));
    expect(h.delivery.effects.some((e) => 'target' in e && e.target.channelId === 'shadowed')).toBe(false);
    const report = await commands.shadowReport(1);
    expect(report).toMatch(/contact_details: would have acted on 1/);
  });

  it('answers status, config check and usage', async () => {
    expect(await commands.status()).toMatch(/Queues:[\s\S]*evaluate:/);
    expect(commands.configCheck()).toMatch(/^Config OK/);
    expect(await commands.run('frobnicate', () => null)).toMatch(/^Usage/);
  });

  it('exposes Prometheus metrics', async () => {
    const text = await createMetrics(h.runtime, ['sandbox']).metrics();
    expect(text).toContain('ward_open_escalations');
    expect(text).toMatch(/ward_queue_jobs\{queue="evaluate",state="failed"\} 0/);
  });
});
