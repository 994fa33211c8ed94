/** Plain-language reasons for moderators, by finding-code family; details after a colon are kept as context. */
const TEXTS: Record<string, string> = {
  'crisis.suicide_risk': 'Possible suicide risk: the author may be in danger',
  'crisis.self_harm': 'Self-harm: the author may be hurting themselves',
  'crisis.medical_emergency': 'Possible medical emergency happening now',
  'crisis.violence_or_abuse': 'Risk of violence or abuse',
  'boundary.advice_request': 'Asks for advice on their own diagnosis, dose or treatment',
  'boundary.individual_advice':
    'Tells someone to start, stop or change a treatment (author is not a verified clinician)',
  'boundary.private_contact': 'Moves health talk to private messages, phone or e-mail',
  'boundary.commercial': 'Promotion, referral links or spam',
  'boundary.misinformation': 'A health claim that could cause harm if followed',
  'boundary.harassment': 'Insult, threat or hateful content',
  'disclosure.self': "The author's own health details together with details that identify them",
  'disclosure.third_party': "Someone else's health details together with details that identify them",
};

/** Turns a policy's escalation reason (a finding code, possibly `code:detail`) into a sentence a moderator reads. */
export function reasonText(reason: string): string {
  const second = /^second opinion: ([^ ]+) — (.*)$/s.exec(reason);
  if (second)
    return `Second opinion (language model): ${second[1]!
      .split(',')
      .map((c) => reasonText(c.trim()))
      .join('; ')} — ${second[2]}`;
  const [code = reason, detail] = reason.split(/:(.*)/s, 2);
  const base = TEXTS[code.trim()];
  if (!base) return reason;
  return detail ? `${base} (${detail.trim().replace(/_/g, ' ')})` : base;
}
