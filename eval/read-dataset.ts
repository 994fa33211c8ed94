import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KINDS, type Kind, kindOfRecord, RECORD_SCHEMAS } from './records.ts';

/** A data set problem the user can fix; messages name the file, line and field, never record text. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** A parsed data set. */
export interface Dataset<R = unknown> {
  file: string;
  /** Folder name of the data set (e.g. `openai_moderation`), used to pick label mappings. */
  name: string;
  kind: Kind;
  records: R[];
}

/** Parses JSONL text into objects, naming the line of the first bad one (no record text in errors). */
export function parseJsonl(content: string, file: string): { line: number; value: unknown }[] {
  const out: { line: number; value: unknown }[] = [];
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) });
    } catch {
      // SyntaxError messages quote the input, so only the position is reported.
      throw new DatasetError(`${file}:${i + 1}: not valid JSON`);
    }
  }
  return out;
}

/** The kind named on the first line of a SOURCE.md beside the file (`kind: spans`), if any. */
export function kindFromSourceMd(file: string): Kind | null {
  const source = path.join(path.dirname(file), 'SOURCE.md');
  if (!existsSync(source)) return null;
  const first = readFileSync(source, 'utf8').split('\n', 1)[0] ?? '';
  const m = /^kind:\s*([a-z]+)/.exec(first.trim());
  return m && (KINDS as readonly string[]).includes(m[1]!) ? (m[1] as Kind) : null;
}

/** Reads and validates a data set; the kind comes from `forced`, else SOURCE.md, else the first record. */
export function readDataset(file: string, forced?: Kind): Dataset {
  if (!existsSync(file)) throw new DatasetError(`${file}: no such file`);
  const rows = parseJsonl(readFileSync(file, 'utf8'), file);
  const kind = forced ?? kindFromSourceMd(file) ?? kindOfRecord(rows[0]?.value);
  if (!kind)
    throw new DatasetError(`${file}: cannot tell the data set kind; pass --kind (${KINDS.join('|')})`);
  const schema = RECORD_SCHEMAS[kind];
  const records = rows.map(({ line, value }) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    // Paths and codes only: zod messages may quote the offending value.
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'} ${i.code}`).join(', ');
    throw new DatasetError(`${file}:${line}: not a ${kind} record: ${where}`);
  });
  return { file, name: path.basename(path.dirname(path.resolve(file))), kind, records };
}
