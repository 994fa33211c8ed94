const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn`, retrying after each delay in turn. Slack events are acknowledged before ingest runs (the 3 s rule),
 * so Slack will not redeliver them: a brief database or Redis hiccup is ridden out here instead.
 */
export async function withRetries<T>(
  fn: () => Promise<T>,
  delaysMs: readonly number[] = [250, 1000, 4000],
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delay = delaysMs[attempt];
      if (delay === undefined) throw err;
      await sleep(delay);
    }
  }
}
