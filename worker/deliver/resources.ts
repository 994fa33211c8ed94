import { evidenceFor } from '../../policies/evidence/catalog.ts';
import { crisisLinesFor } from '../../policies/safety/crisis-lines.ts';

/** A crisis line as shown to a member. */
export interface CrisisLineView {
  name: string;
  contact: string;
  hours?: string;
}

/** Crisis lines for a locale from the verified registry, emergency number first; a generic line when unknown. */
export function crisisLinesForLocale(locale: string): CrisisLineView[] {
  const nl = locale.toLowerCase().startsWith('nl');
  const found = crisisLinesFor(locale);
  if (!found) {
    return [
      {
        name: nl ? 'Alarmnummer' : 'Emergency services',
        contact: nl ? '112' : 'your local emergency number (112 in Europe, 911 in North America)',
      },
    ];
  }
  const views: CrisisLineView[] = [
    { name: nl ? 'Alarmnummer' : 'Emergency', contact: found.emergency.number },
  ];
  for (const line of found.lines) {
    const contact = [
      ...(line.phone ?? []),
      ...(line.text
        ? [`text ${line.text.keyword ? `${line.text.keyword} to ` : ''}${line.text.number}`]
        : []),
      ...(line.chat ? [line.chat] : []),
    ].join(' · ');
    views.push({ name: line.name, contact, hours: line.hours });
  }
  return views;
}

/** Up to three evidence links for the concepts, in the message's language where the catalog has them. */
export function evidenceForConcepts(concepts: string[], locale: string): { title: string; url: string }[] {
  const lang = locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const out: { title: string; url: string }[] = [];
  for (const c of concepts) {
    for (const r of evidenceFor(c.replace(/ \(.*\)$/, ''), lang, 3)) {
      if (out.length < 3 && !out.some((o) => o.url === r.url)) out.push({ title: r.title, url: r.url });
    }
  }
  return out;
}
