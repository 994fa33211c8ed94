/** A crisis line as shown to a member. */
export interface CrisisLineView {
  name: string;
  contact: string;
  hours?: string;
}

/**
 * Crisis lines for a locale from the verified registry in policies/safety; until that registry is present, the
 * international fallback points to local emergency numbers rather than showing nothing.
 */
export async function crisisLinesForLocale(locale: string): Promise<CrisisLineView[]> {
  const registry = await loadOptional<{ crisisLinesFor?: (locale: string) => CrisisLineView[] }>('../../policies/safety/crisis-lines.ts');
  const lines = registry?.crisisLinesFor?.(locale) ?? [];
  return lines.length ? lines : [{ name: locale.startsWith('nl') ? 'Alarmnummer' : 'Emergency services', contact: locale.startsWith('nl') ? '112' : '112 / 999 / 911' }];
}

/** Evidence resources for concepts from the catalog in policies/evidence (at most 3). */
export async function evidenceForConcepts(concepts: string[], locale: string): Promise<{ title: string; url: string }[]> {
  const catalog = await loadOptional<{ evidenceFor?: (c: string, lang: 'en' | 'nl', max?: number) => { title: string; url: string }[] }>(
    '../../policies/evidence/index.ts',
  );
  if (!catalog?.evidenceFor) return [];
  const lang = locale.startsWith('nl') ? 'nl' : 'en';
  const out: { title: string; url: string }[] = [];
  for (const c of concepts) {
    for (const r of catalog.evidenceFor(c.replace(/ \(.*\)$/, ''), lang, 3)) {
      if (out.length < 3 && !out.some((o) => o.url === r.url)) out.push({ title: r.title, url: r.url });
    }
  }
  return out;
}

async function loadOptional<T>(specifier: string): Promise<T | null> {
  try {
    return (await import(specifier)) as T;
  } catch {
    return null;
  }
}
