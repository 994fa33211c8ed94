import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ward-eval-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runEval(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'eval/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const isMetric = (m: unknown) =>
  typeof m === 'object' &&
  m !== null &&
  (['tp', 'fp', 'fn', 'precision', 'recall', 'f1'].every(
    (k) => typeof (m as Record<string, unknown>)[k] === 'number',
  ) ||
    ['correct', 'total', 'accuracy'].every((k) => typeof (m as Record<string, unknown>)[k] === 'number'));

describe('npm run eval', () => {
  it('ends with exactly one JSON line in the EVAL.md shape', () => {
    const file = path.join(dir, 'tiny.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"1","text":"Mail anna.dekker@example.com or call 06 12 34 56 78","spans":[{"start":5,"end":28,"type":"EMAIL"},{"start":37,"end":51,"type":"PHONE"}]}',
        '{"id":"2","text":"Nothing here.","spans":[]}',
      ].join('\n'),
    );
    const { code, stdout } = runEval(file);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const jsonLines = lines.filter((l) => l.startsWith('{'));
    expect(jsonLines).toHaveLength(1);
    const last = JSON.parse(lines.at(-1)!);
    expect(last).toMatchObject({ ward_eval: 1, dataset: 'tiny.jsonl', kind: 'spans', records: 2 });
    expect(typeof last.ms_per_record).toBe('number');
    for (const [key, m] of Object.entries(last.metrics as Record<string, unknown>)) {
      expect(key).toMatch(/^[a-z_]+(\.[A-Za-z_]+)*$/);
      expect(isMetric(m)).toBe(true);
    }
  });

  it('fails with the line number on bad JSON and never prints the record', () => {
    const file = path.join(dir, 'broken.jsonl');
    writeFileSync(file, '{"id":"1","text":"ok","spans":[]}\n{"id":"2","text":"SECRET-MARKER"\n');
    const { code, stdout, stderr } = runEval(file);
    expect(code).toBe(2);
    expect(stderr).toContain('broken.jsonl:2: not valid JSON');
    expect(stdout + stderr).not.toContain('SECRET-MARKER');
  });

  it('rejects a --policy that is not registered', () => {
    const { code, stderr } = runEval(path.join(dir, 'tiny.jsonl'), '--policy', 'no_such_policy');
    expect(code).toBe(2);
    expect(stderr).toContain('no registered policy named no_such_policy');
  });

  it('rejects an unknown --kind', () => {
    const { code, stderr } = runEval(path.join(dir, 'tiny.jsonl'), '--kind', 'poems');
    expect(code).toBe(2);
    expect(stderr).toContain('--kind must be one of');
  });
});
