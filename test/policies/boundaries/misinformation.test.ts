import { describe, expect, it } from 'vitest';
import { harmfulClaims, MisinformationPolicy } from '../../../policies/boundaries/misinformation.ts';
import { contextFor } from '../safety/context.ts';

const run = (text: string) =>
  MisinformationPolicy.evaluate(contextFor(text), MisinformationPolicy.configSchema.parse(undefined));
const claimOf = (text: string) => run(text)?.findings[0]?.detail?.match(/claim=([a-z_]+)/)?.[1] ?? null;

describe('misinformation policy', () => {
  it.each([
    ['My cousin with type 1 stopped her insulin and controls it with cinnamon now.', 'insulin_replaced'],
    ['The MMR jab gave my nephew autism, everyone knows it.', 'vaccines_autism'],
    ['Drinking MMS every morning cleared my Lyme disease.', 'mms_bleach_cure'],
    ['Just come off your sertraline cold turkey, tapering is a scam.', 'antidepressants_stop_abruptly'],
    ['Colloidal silver kills every infection, better than antibiotics.', 'colloidal_silver_cure'],
    ['Chemo is poison, a vitamin C drip will cure your cancer.', 'cancer_alternative_cure'],
    ['The HPV jab leaves girls infertile.', 'vaccine_infertility'],
    ['Knip die fentanylpleister gewoon doormidden als de dosis te hoog is.', 'fentanyl_patch_cut'],
    ['Insuline is gif, met een kaneeldieet heb je het niet meer nodig.', 'insulin_replaced'],
    ['Van het coronavaccin word je onvruchtbaar.', 'vaccine_infertility'],
    [
      'Een baby met hoge koorts hoef je nooit naar de huisarts te brengen, dat gaat vanzelf over.',
      'infant_fever_untreated',
    ],
  ])('holds: %s', (text, claim) => {
    expect(claimOf(text)).toBe(claim);
    expect(run(text)!.verdict).toBe('hold');
  });

  it.each([
    'Metformin upset my stomach the first month.',
    'Yoga helped my back more than naproxen did.',
    "It's a myth that vaccines cause autism.",
    'Is it true that the HPV vaccine causes infertility?',
    'Het is een fabeltje dat het coronavaccin onvruchtbaar maakt.',
    'My insulin pump was replaced last week.',
  ])('leaves alone: %s', (text) => expect(run(text)).toBeNull());

  it('escalates with the evidence for the moderator and links evidence', () => {
    const d = run('Vaccines cause autism, do your research.')!;
    expect(d.actions).toContainEqual({ kind: 'link_evidence', concepts: ['vaccine'] });
    const reply = d.actions.find((a) => a.kind === 'reply_privately');
    expect(reply && 'resources' in reply ? reply.resources : []).toEqual([
      'https://vaccine-safety-training.org/mmr-vaccine-increases.html',
    ]);
  });

  it('gives every curated claim an evidence URL', () => {
    const claims = harmfulClaims();
    expect(claims.length).toBeGreaterThanOrEqual(10);
    for (const c of claims) expect(c.evidence.url).toMatch(/^https?:\/\//);
  });
});
