import { OFFERED_PER_S } from '../../../bench/offered-rate.ts';
import { withTimeout } from '../../../bench/stats.ts';
import type { BenchContext, BenchRow, RowOutcome } from '../../../bench/types.ts';
import { encodeCustomId, startDiscordAdapter } from '../../../bots/discord/index.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import {
  adapterFigures,
  adapterRowProblem,
  backgroundTexts,
  burstRate,
  exposure,
  offerSteady,
  phoneText,
  startAdapterBench,
  WAIT_MS,
} from '../adapter-bench.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { buttonPress } from './interactions.ts';
import { message, snowflake, user } from './payloads.ts';
import { ids, makeFake } from './test-guild.ts';

/** Button press dispatch → the deferUpdate callback reaching the fake API. */
async function acks(fake: FakeDiscord, n: number): Promise<number[]> {
  const mod = {
    guildId: ids.guild,
    channelId: ids.adminChannel,
    actor: user(ids.moderator, 'mod'),
    actorRoles: [ids.modRole],
  };
  const card = message({
    channelId: ids.adminChannel,
    guildId: ids.guild,
    author: fake.bot,
    content: 'card',
  });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const at = performance.now();
    const customId = encodeCustomId({ actionId: 'claim', subject: `bench-${i}`, workspaceId: null });
    const press = fake.interact(buttonPress(mod, customId, card));
    const cb = `/interactions/${press.id}/${press.token}/callback`;
    const call = await withTimeout(
      fake.rest.waitForCall((c) => c.path === cb),
      WAIT_MS,
      'ack',
    );
    out.push(call.at - at);
  }
  return out;
}

/** `adapter.discord`: the real adapter and runtime (PostgreSQL when it answers, else PGlite; real Redis) against the loopback Discord. */
export const adapterDiscordRow: BenchRow = {
  name: 'adapter.discord',
  async run(ctx: BenchContext): Promise<RowOutcome> {
    const problem = await adapterRowProblem(ctx);
    if (problem) return { skipped: problem };
    const texts = backgroundTexts(ctx);
    const config = validateConfig({
      community: { id: 'bench', name: 'Bench', admin_channel: { platform: 'discord', id: ids.adminChannel } },
      channels: [{ platform: 'discord', id: ids.peerChannel, space: 'peer_support' }],
      roles: { moderator: [ids.modRole] },
    });
    const bench = await startAdapterBench(ctx, {
      tag: 'discord',
      platform: 'discord',
      config,
      postgres: true,
    });
    try {
      const fake = await makeFake().start();
      bench.onClose(() => fake.stop());
      const env = {
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
      };
      const adapter = await startDiscordAdapter({ ingest: bench.ingest, config, env, logger: bench.logger });
      bench.onClose(() => adapter.stop());
      bench.delivery.resolve(adapter.delivery);

      // The DELETE reaching the fake API ends a phone post's exposure window.
      const deletedAt = new Map<string, number>();
      const post = (content: string, authorId: string) => {
        const { id } = fake.postMessage({ channelId: ids.peerChannel, authorId, content });
        const path = `/channels/${ids.peerChannel}/messages/${id}`;
        void fake.rest
          .waitForCall((c) => c.method === 'DELETE' && c.path === path)
          .then((c) => deletedAt.set(id, c.at));
        return { key: id };
      };
      // Many authors, as in a busy server (and no merging into one author's open escalation).
      const load = await offerSteady(ctx.sizes.pipelineSteadyMs, (i, isPhone) =>
        isPhone
          ? post(phoneText(i), snowflake())
          : {
              key: fake.postMessage({
                channelId: ids.peerChannel,
                authorId: snowflake(),
                content: `${texts[i % texts.length]} [${i}]`,
              }).id,
            },
      );
      const removed = await exposure(load.phones, (k) => deletedAt.get(k));
      const ack = await acks(fake, ctx.quick ? 50 : 300);
      const rate = await burstRate(bench.accepted, ctx.quick ? 300 : 1000, (i) => ({
        key: fake.postMessage({
          channelId: ids.peerChannel,
          authorId: ids.member,
          content: `${texts[i % texts.length]} (${i})`,
        }).id,
      }));
      return {
        row: adapterFigures(rate, ack, removed.samples),
        note:
          `${removed.samples.length} phone posts at ${OFFERED_PER_S}/s on ${bench.database}` +
          (removed.lost ? `; ${removed.lost} not removed in ${WAIT_MS} ms (counted when given up)` : ''),
      };
    } finally {
      await bench.close();
    }
  },
};
