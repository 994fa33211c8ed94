/** Quotes text line by line, for chat. */
export const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/** One bullet per crisis line. */
export const lines = (p: { crisisLines: { name: string; contact: string; hours?: string }[] }) =>
  p.crisisLines.map((l) => `• ${l.name}: ${l.contact}${l.hours ? ` (${l.hours})` : ''}`).join('\n');

/** One bullet per resource link. */
export const links = (p: { resources: { title: string; url: string }[] }) =>
  p.resources.map((r) => `• ${r.title}: ${r.url}`).join('\n');
