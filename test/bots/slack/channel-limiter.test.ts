import { describe, expect, it } from 'vitest';
import { ChannelLimiter } from '../../../bots/slack/channel-limiter.ts';
import { PlatformRateLimitedError } from '../../../worker/errors.ts';

function fakeClock() {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

describe('ChannelLimiter', () => {
  it('spaces posts in one channel a second apart and leaves other channels alone', async () => {
    const clock = fakeClock();
    const limiter = new ChannelLimiter({ now: clock.now, sleep: clock.sleep });
    await limiter.acquire('C1');
    await limiter.acquire('C2');
    await limiter.acquire('C1');
    expect(clock.slept).toEqual([1000]);
  });

  it('hands a wait longer than maxWaitMs back to the queue as PlatformRateLimitedError', async () => {
    const clock = fakeClock();
    const limiter = new ChannelLimiter({ now: clock.now, sleep: async () => {}, maxWaitMs: 2500 });
    await limiter.acquire('C1'); // slot now
    await limiter.acquire('C1'); // +1 s
    await limiter.acquire('C1'); // +2 s
    const err = await limiter.acquire('C1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformRateLimitedError);
    expect((err as PlatformRateLimitedError).retryAfterMs).toBe(3000);
  });

  it('holds a channel back after Slack answered 429 for it', async () => {
    const clock = fakeClock();
    const limiter = new ChannelLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.backOff('C1', 30_000);
    await expect(limiter.acquire('C1')).rejects.toBeInstanceOf(PlatformRateLimitedError);
    await expect(limiter.acquire('C2')).resolves.toBeUndefined();
  });
});
