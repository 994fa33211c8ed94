import { describe, expect, it } from 'vitest';
import { conceptTable } from '../../../policies/detect/clinical/load-lexicon.ts';
import { CATALOG_FILES, evidenceFor, zResource } from '../../../policies/evidence/catalog.ts';

const concepts = new Set(conceptTable.names);

describe('evidence catalog files', () => {
  for (const file of CATALOG_FILES) {
    describe(file.name, () => {
      const entries = Object.entries(file.resources);

      it('has only valid entries for known concepts', () => {
        expect(entries.length).toBeGreaterThan(0);
        for (const [concept, list] of entries) {
          expect(concepts.has(concept), concept).toBe(true);
          expect(list.length, concept).toBeGreaterThan(0);
          for (const r of list) expect(() => zResource.parse(r), `${concept}: ${r.url}`).not.toThrow();
        }
      });

      it('never lists a URL twice for a concept, nor one URL under two concepts', () => {
        const owner = new Map<string, string>();
        for (const [concept, list] of entries) {
          const urls = list.map((r) => r.url);
          expect(new Set(urls).size, concept).toBe(urls.length);
          for (const u of urls) {
            expect(owner.get(u) ?? concept, u).toBe(concept);
            owner.set(u, concept);
          }
        }
      });
    });
  }
});

describe('evidenceFor', () => {
  it('puts resources in the message language first and caps the count', () => {
    const nl = evidenceFor('asthma', 'nl');
    expect(nl.length).toBeLessThanOrEqual(3);
    expect(nl[0]?.lang).toBe('nl');
    expect(evidenceFor('asthma', 'en')[0]?.lang).toBe('en');
    expect(evidenceFor('asthma', 'en', 1)).toHaveLength(1);
  });

  it('lets community resources override the shipped ones', () => {
    const own = {
      title: 'Our asthma page',
      url: 'https://example.org/asthma',
      publisher: 'Example community',
      kind: 'consumer' as const,
      lang: 'en' as const,
      last_checked: '2026-01-01',
    };
    expect(evidenceFor('asthma', 'en', 3, { asthma: [own] })[0]).toEqual(own);
  });

  it('has resources for the commonest concepts of health chat', () => {
    for (const c of [
      'type 2 diabetes',
      'asthma',
      'hypertension',
      'major depression',
      'migraine',
      'epilepsy',
    ]) {
      expect(evidenceFor(c, 'en').length, c).toBeGreaterThan(0);
    }
  });
});
