import { readFileSync } from 'node:fs';
import type { Persona } from './sandbox-config.ts';
import type { SandboxReport, SandboxSession } from './sandbox-session.ts';

const CHANNEL_OF_SPACE: Record<string, string> = {
  peer_support: 'peer-support',
  ask_a_clinician: 'ask-a-clinician',
  clinician_only: 'clinicians',
  general: 'general',
};
const PERSONA_OF_ROLE: Record<string, Persona> = {
  member: 'member',
  verified_clinician: 'clinician',
  moderator: 'moderator',
};

interface ScenarioLine {
  id: string;
  lang?: string;
  space: string;
  author_role?: string;
  text: string;
  expect?: { escalate?: string };
}

/** Summary of a replay run (no text). */
export interface ReplaySummary {
  records: number;
  verdicts: Record<string, number>;
  codes: Record<string, number>;
  escalateAgreement: { agree: number; total: number } | null;
  ms: number;
}

/** Feeds a scenario JSONL file through the real pipeline and summarises what Ward did. */
export async function replayFile(
  file: string,
  session: SandboxSession,
  print: (line: string) => void,
  batch = 20,
): Promise<ReplaySummary> {
  const records = readScenarioLines(file);
  const started = Date.now();
  const verdicts: Record<string, number> = {};
  const codes: Record<string, number> = {};
  let agree = 0;
  let total = 0;
  for (let i = 0; i < records.length; i += batch) {
    const slice = records.slice(i, i + batch);
    const reports = await Promise.all(
      slice.map((r) =>
        session.post(
          CHANNEL_OF_SPACE[r.space] ?? 'general',
          r.text,
          PERSONA_OF_ROLE[r.author_role ?? 'member'] ?? 'member',
          r.lang === 'nl' ? 'nl-NL' : r.lang === 'en' ? 'en-GB' : null,
        ),
      ),
    );
    slice.forEach((r, k) => {
      const rep = reports[k]!;
      const v = rep.verdict ?? rep.status;
      verdicts[v] = (verdicts[v] ?? 0) + 1;
      const own = [...new Set(rep.findings.filter((f) => !f.shadow).map((f) => f.code))];
      for (const c of own) codes[c] = (codes[c] ?? 0) + 1;
      if (r.expect?.escalate) {
        total++;
        if ((r.expect.escalate !== 'none') === escalated(rep)) agree++;
      }
      print(`${r.id.padEnd(10)} ${String(v).padEnd(6)} ${own.join(' ')}`);
    });
  }
  const summary = {
    records: records.length,
    verdicts,
    codes,
    escalateAgreement: total ? { agree, total } : null,
    ms: Date.now() - started,
  };
  print(`\n${summary.records} messages in ${summary.ms} ms`);
  print(`verdicts: ${JSON.stringify(verdicts)}`);
  print(`findings: ${JSON.stringify(codes)}`);
  if (summary.escalateAgreement)
    print(`held or flagged where the labels say escalate (and not otherwise):  ${agree}/${total}`);
  return summary;
}

function escalated(rep: SandboxReport): boolean {
  return rep.verdict !== null && rep.verdict !== 'allow';
}

/** Reads scenario records, naming the line of any that is malformed. */
export function readScenarioLines(file: string): ScenarioLine[] {
  const out: ScenarioLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let rec: ScenarioLine;
      try {
        rec = JSON.parse(line) as ScenarioLine;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      if (typeof rec.text !== 'string' || typeof rec.space !== 'string')
        throw new Error(`${file}:${i + 1}: needs "text" and "space"`);
      out.push(rec);
    });
  return out;
}
