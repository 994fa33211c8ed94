import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError, kindFromSourceMd, parseJsonl, readDataset } from '../../eval/read-dataset.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ward-eval-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('parseJsonl', () => {
  it('skips blank lines, a BOM and CRLF endings', () => {
    const rows = parseJsonl('\uFEFF{"a":1}\r\n\n{"a":2}\n', 'x.jsonl');
    expect(rows).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
    ]);
  });

  it('names the line of bad JSON without quoting it', () => {
    expect(() => parseJsonl('{"a":1}\n{"text":"SECRET-MARKER",\n', 'x.jsonl')).toThrowError(
      /x\.jsonl:2: not valid JSON/,
    );
    try {
      parseJsonl('{"text":"SECRET-MARKER",', 'x.jsonl');
    } catch (err) {
      expect((err as Error).message).not.toContain('SECRET-MARKER');
    }
  });
});

describe('readDataset', () => {
  it('detects the kind from the records', () => {
    const file = write(
      'spans.jsonl',
      '{"id":"1","text":"hi Anna","spans":[{"start":3,"end":7,"type":"NAME"}]}\n',
    );
    const ds = readDataset(file);
    expect(ds.kind).toBe('spans');
    expect(ds.records).toHaveLength(1);
  });

  it('prefers the kind named in SOURCE.md beside the file', () => {
    const sub = path.join(dir, 'named');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 'SOURCE.md'), 'kind: labels\n\n# x\n');
    writeFileSync(path.join(sub, 'dev.jsonl'), '{"id":"1","text":"t","labels":{"spam":1}}\n');
    expect(kindFromSourceMd(path.join(sub, 'dev.jsonl'))).toBe('labels');
    expect(readDataset(path.join(sub, 'dev.jsonl')).name).toBe('named');
  });

  it('rejects a record of the wrong shape with line and field, not text', () => {
    const file = write(
      'bad.jsonl',
      '{"id":"1","text":"SECRET-MARKER","spans":[{"start":"x","end":2,"type":"NAME"}]}\n',
    );
    let message = '';
    try {
      readDataset(file, 'spans');
    } catch (err) {
      expect(err).toBeInstanceOf(DatasetError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/bad\.jsonl:1: not a spans record: spans\.0\.start/);
    expect(message).not.toContain('SECRET-MARKER');
  });

  it('says when the kind cannot be told', () => {
    const file = write('odd.jsonl', '{"id":"1"}\n');
    expect(() => readDataset(file)).toThrowError(/cannot tell the data set kind/);
  });
});
