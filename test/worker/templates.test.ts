import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crisisLinesForLocale } from '../../worker/deliver/resources.ts';
import { en } from '../../worker/templates/en.ts';
import { nl } from '../../worker/templates/nl.ts';
import { renderTemplate } from '../../worker/templates/render.ts';

function templateNamesUsedByPolicies(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return templateNamesUsedByPolicies(p);
    if (!e.name.endsWith('.ts')) return [];
    return [...readFileSync(p, 'utf8').matchAll(/_TEMPLATE = '([a-z_]+)'/g)].map((m) => m[1]!);
  });
}

const params = {
  redacted: 'call me on [PHONE]',
  channelName: '#peer',
  crisisLines: [],
  resources: [],
  askChannel: '#ask',
};

describe('member-facing templates', () => {
  it('exist in English and Dutch for every template a policy names', () => {
    const used = templateNamesUsedByPolicies('policies');
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) {
      expect(en[name], `en ${name}`).toBeTypeOf('function');
      expect(nl[name], `nl ${name}`).toBeTypeOf('function');
    }
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it('render the redacted text, in the locale’s language', () => {
    expect(renderTemplate('offer_redacted_repost', 'nl-NL', params)).toContain('Opnieuw plaatsen');
    expect(renderTemplate('offer_redacted_repost', 'en-GB', params)).toContain('[PHONE]');
  });

  it('puts the verified Dutch crisis line and the emergency number in a Dutch crisis reply', () => {
    const lines = crisisLinesForLocale('nl-NL');
    const text = renderTemplate('crisis_support', 'nl-NL', { ...params, crisisLines: lines });
    expect(text).toContain('113');
    expect(text).toContain('0800-0113');
    expect(text).toContain('112');
  });
});
