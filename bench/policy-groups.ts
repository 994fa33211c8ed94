import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../eval/load-module.ts';
import type { Policy } from '../policies/core/define-policy.ts';

function tsFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return e.endsWith('.ts') && !e.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The registry entries defined in files under `folders` (relative to the root), found by identity of the
 * exported policy objects, so the group follows whatever the registry holds.
 */
export async function registryEntriesIn(
  registry: Readonly<Record<string, Policy>>,
  folders: readonly string[],
): Promise<Record<string, Policy>> {
  const wanted = new Map(Object.entries(registry).map(([name, p]) => [p, name]));
  const out: Record<string, Policy> = {};
  for (const file of folders.flatMap((f) => tsFiles(path.join(PROJECT_ROOT, f)))) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch {
      continue; // a file that does not load cannot hold a registered policy (the registry import would have failed)
    }
    for (const value of Object.values(mod)) {
      const name = wanted.get(value as Policy);
      if (name) out[name] = registry[name]!;
    }
  }
  return out;
}
