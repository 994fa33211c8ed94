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
  'repeat.boundary': 'Repeated boundary strikes by this member',
};

/** The same reasons in Dutch, for communities whose locale is nl. */
const TEXTS_NL: Record<string, string> = {
  'crisis.suicide_risk': 'Mogelijk suïciderisico: de schrijver is misschien in gevaar',
  'crisis.self_harm': 'Zelfbeschadiging: de schrijver doet zichzelf mogelijk pijn',
  'crisis.medical_emergency': 'Mogelijk een medisch noodgeval, nu',
  'crisis.violence_or_abuse': 'Risico op geweld of misbruik',
  'boundary.advice_request': 'Vraagt advies over de eigen diagnose, dosis of behandeling',
  'boundary.individual_advice':
    'Zegt iemand een behandeling te starten, stoppen of wijzigen (schrijver is geen geverifieerde zorgverlener)',
  'boundary.private_contact': 'Verplaatst een gezondheidsgesprek naar privéberichten, telefoon of e-mail',
  'boundary.commercial': 'Reclame, verwijslinks of spam',
  'boundary.misinformation': 'Een gezondheidsbewering die schade kan doen als iemand haar opvolgt',
  'boundary.harassment': 'Belediging, bedreiging of haatdragende inhoud',
  'disclosure.self': 'Eigen gezondheidsgegevens samen met gegevens die de schrijver herkenbaar maken',
  'disclosure.third_party':
    'Gezondheidsgegevens van iemand anders samen met gegevens die die persoon herkenbaar maken',
  'repeat.boundary': 'Herhaalde grensoverschrijdingen door dit lid',
};

const REPEAT = /^repeat\.boundary:(\d+)\/(\d+)([dh])$/;

/** "3rd boundary strike in 7 days" / "3e grensoverschrijding in 7 dagen". */
function repeatText(count: number, amount: number, unit: 'd' | 'h', nl: boolean): string {
  if (nl) {
    const span = unit === 'd' ? (amount === 1 ? 'dag' : 'dagen') : 'uur';
    return `${count}e grensoverschrijding in ${amount} ${span}`;
  }
  const span = unit === 'd' ? (amount === 1 ? 'day' : 'days') : amount === 1 ? 'hour' : 'hours';
  return `${ordinal(count)} boundary strike in ${amount} ${span}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Turns a policy's escalation reason (a finding code, possibly `code:detail`) into a sentence a moderator reads,
 * in Dutch when `locale` is Dutch and English otherwise.
 */
export function reasonText(reason: string, locale = 'en'): string {
  const nl = locale.toLowerCase().startsWith('nl');
  const second = /^second opinion: ([^ ]+) — (.*)$/s.exec(reason);
  if (second)
    return `${nl ? 'Tweede mening (taalmodel)' : 'Second opinion (language model)'}: ${second[1]!
      .split(',')
      .map((c) => reasonText(c.trim(), locale))
      .join('; ')} — ${second[2]}`;
  const repeat = REPEAT.exec(reason.trim());
  if (repeat) return repeatText(Number(repeat[1]), Number(repeat[2]), repeat[3] as 'd' | 'h', nl);
  const [code = reason, detail] = reason.split(/:(.*)/s, 2);
  const base = (nl ? TEXTS_NL : TEXTS)[code.trim()];
  if (!base) return reason;
  return detail ? `${base} (${detail.trim().replace(/_/g, ' ')})` : base;
}
