import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Project root (the folder holding eval/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A module export, or why it is not available. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Imports `exportName` from a project file (path relative to the root) at run time, so that a detector
 * another part of Ward has not built yet gives a readable reason instead of a crash.
 */
export async function loadExport<T>(relPath: string, exportName: string): Promise<Loaded<T>> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path.join(PROJECT_ROOT, relPath)).href)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(path.basename(relPath))) {
      return { ok: false, reason: `${relPath} does not exist yet` };
    }
    const first = String((err as Error).message ?? err).split('\n', 1)[0];
    return { ok: false, reason: `${relPath} failed to load (${(err as Error).name}: ${first})` };
  }
  if (!(exportName in mod) || mod[exportName] === undefined) {
    return { ok: false, reason: `${relPath} does not export ${exportName} yet` };
  }
  return { ok: true, value: mod[exportName] as T };
}
