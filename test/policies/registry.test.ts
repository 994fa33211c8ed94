import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availablePolicies, zCommunityConfig } from '../../policies/index.ts';

function policyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return policyFiles(p);
    return e.name.endsWith('.ts') &&
      readFileSync(p, 'utf8').includes('definePolicy(') &&
      !p.includes(`${path.sep}core${path.sep}`)
      ? [p]
      : [];
  });
}

describe('policy registry', () => {
  it('is alphabetical, keyed by each policy’s own name, with unique names', () => {
    const keys = Object.keys(availablePolicies);
    expect(keys).toEqual([...keys].sort());
    for (const [key, policy] of Object.entries(availablePolicies)) expect(policy.name).toBe(key);
    expect(new Set(Object.values(availablePolicies).map((p) => p.name)).size).toBe(keys.length);
  });

  it('registers every file that defines a policy', async () => {
    const registered = new Set(Object.values(availablePolicies));
    for (const file of policyFiles('policies')) {
      const mod = (await import(path.resolve(file))) as Record<string, unknown>;
      const policies = Object.values(mod).filter(
        (v) => v && typeof v === 'object' && 'evaluate' in v && 'failMode' in v,
      );
      expect(policies.length, file).toBeGreaterThan(0);
      for (const p of policies)
        expect(registered.has(p as never), `${file} is not in policies/index.ts`).toBe(true);
    }
  });

  it('derives the config schema so each policy accepts its default settings', () => {
    const config = zCommunityConfig.parse({
      community: { id: 'c', name: 'C', admin_channel: { platform: 'sandbox', id: 'm' } },
      policies: Object.fromEntries(
        Object.keys(availablePolicies).map((k) => [k, { enabled: true, settings: {} }]),
      ),
    });
    expect(Object.keys(config.policies).sort()).toEqual(Object.keys(availablePolicies).sort());
  });

  it('has policies registered', () => {
    expect(Object.keys(availablePolicies)).toContain('contact_details');
  });
});
