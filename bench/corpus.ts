import { readFileSync } from 'node:fs';
import { scenarioSuitePath } from '../eval/capabilities.ts';
import { parseJsonl } from '../eval/read-dataset.ts';
import { zScenarioRecord } from '../eval/records.ts';
import { seededRandom, syntheticChat } from './synthetic-chat.ts';
import type { BenchMessage } from './types.ts';

/** The dev scenario texts as bench messages (empty when the suite is not on this machine). */
export function scenarioMessages(): BenchMessage[] {
  const file = scenarioSuitePath('.');
  if (!file) return [];
  return parseJsonl(readFileSync(file, 'utf8'), file).flatMap(({ value }) => {
    const r = zScenarioRecord.safeParse(value);
    if (!r.success) return [];
    const d = r.data;
    return [
      {
        id: d.id,
        text: d.text,
        space: d.space,
        role: d.author_role,
        lang: d.lang,
        source: 'scenarios' as const,
        crisis: d.expect.crisis !== 'none',
      },
    ];
  });
}

/**
 * The stage rows' corpus: the dev scenarios plus a seeded synthetic chat load in a peer-support channel,
 * shuffled with a fixed seed so that any prefix a slow stage gets through is a fair mix of both.
 */
export function benchCorpus(syntheticCount: number): BenchMessage[] {
  const synthetic = syntheticChat(syntheticCount).map(
    (text, i): BenchMessage => ({
      id: `syn-${i}`,
      text,
      space: 'peer_support',
      role: 'member',
      lang: i % 3 === 0 ? 'nl' : 'en',
      source: 'synthetic',
      crisis: false,
    }),
  );
  const all = [...scenarioMessages(), ...synthetic];
  const rnd = seededRandom(7);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}
