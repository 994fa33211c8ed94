/**
 * Data set label → the Ward finding codes that predict it (any one of them fires the label), per data set.
 * Documented with the reasons in eval/README.md. Only labels whose codes some registered policy emits are scored.
 */
export const LABEL_MAPPINGS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  openai_moderation: {
    self_harm: ['crisis.suicide_risk', 'crisis.self_harm'],
    harassment: ['boundary.harassment'],
    // Ward has no separate hate code: demeaning group statements are boundary.harassment.
    hate: ['boundary.harassment'],
    violence: ['crisis.violence_or_abuse'],
    // Union of the above; the `sexual` categories have no Ward code, so they count against recall.
    any: ['crisis.suicide_risk', 'crisis.self_harm', 'boundary.harassment', 'crisis.violence_or_abuse'],
  },
  hatecheck: { hateful: ['boundary.harassment'] },
  sms_spam: { spam: ['boundary.commercial'] },
  reddit_advice: { advice: ['boundary.individual_advice'] },
};

/** The mapping for a data set by folder name; unknown data sets use every mapping by label name. */
export function labelMappingFor(dataset: string): Readonly<Record<string, readonly string[]>> {
  const own = LABEL_MAPPINGS[dataset];
  if (own) return own;
  const merged: Record<string, readonly string[]> = {};
  for (const m of Object.values(LABEL_MAPPINGS)) {
    for (const [label, codes] of Object.entries(m)) if (!(label in merged)) merged[label] = codes;
  }
  return merged;
}
