import { z } from 'zod';
import curated from './catalog/curated.json' with { type: 'json' };
import medquad from './catalog/medquad.en.json' with { type: 'json' };

/** Kinds of evidence resource, from plain-language pages to the strongest syntheses. */
export const RESOURCE_KINDS = ['consumer', 'guideline', 'systematic_review'] as const;

/** One evidence resource as shipped in catalog/*.json or set per community in config. */
export const zResource = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  publisher: z.string().min(1),
  kind: z.enum(RESOURCE_KINDS),
  lang: z.enum(['en', 'nl']),
  last_checked: z.iso.date(),
  source: z.string().optional(),
});
/** An evidence resource. */
export type Resource = z.output<typeof zResource>;

/** Concept (canonical lower-case English name) → resources. */
export type Catalog = Readonly<Record<string, readonly Resource[]>>;

/** Catalog files, most trusted first: hand-checked pages, then MedQuAD's NIH pages. */
export const CATALOG_FILES: readonly { name: string; resources: Catalog }[] = [
  { name: 'curated', resources: curated.resources as Catalog },
  { name: 'medquad.en', resources: medquad.resources as Catalog },
];

const KIND_ORDER: Record<Resource['kind'], number> = { consumer: 0, guideline: 1, systematic_review: 2 };

/** All resources for a concept: community overrides first, then the shipped files, without duplicate URLs. */
export function resourcesFor(concept: string, overrides: Catalog = {}): Resource[] {
  const seen = new Set<string>();
  const out: Resource[] = [];
  for (const list of [overrides[concept], ...CATALOG_FILES.map((f) => f.resources[concept])]) {
    for (const r of list ?? []) {
      if (seen.has(r.url)) continue;
      seen.add(r.url);
      out.push(r);
    }
  }
  return out;
}

/**
 * Up to `max` resources for a concept for a card in `lang`: that language first (consumer page, then guideline,
 * then review), then other languages; community `overrides` come before the shipped catalog.
 */
export function evidenceFor(
  concept: string,
  lang: 'en' | 'nl',
  max = 3,
  overrides: Catalog = {},
): Resource[] {
  const all = resourcesFor(concept, overrides);
  const rank = (r: Resource) => (r.lang === lang ? 0 : 10) + KIND_ORDER[r.kind];
  return all
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .slice(0, max)
    .map((x) => x.r);
}

/** True when the catalog (or the overrides) has at least one resource for the concept. */
export function hasEvidence(concept: string, overrides: Catalog = {}): boolean {
  return resourcesFor(concept, overrides).length > 0;
}
