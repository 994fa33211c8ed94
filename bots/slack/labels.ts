/** Texts the Slack adapter writes itself, in English and Dutch; everything else comes rendered from the worker. */
export interface SlackLabels {
  status: string;
  statuses: Record<'open' | 'claimed' | 'resolved' | 'dismissed', string>;
  claimedBy: string;
  priority: string;
  priorities: Record<'routine' | 'urgent', string>;
  specialty: string;
  source: string;
  reasons: string;
  concepts: string;
  notes: string;
  evidence: string;
  routeTo: string;
  reposted: (authorMention: string) => string;
  removalAlert: (channel: string, link: string) => string;
  askToEdit: (link: string) => string;
  actionFailed: string;
  reportThanks: string;
  commandUnavailable: string;
  usage: string;
}

const en: SlackLabels = {
  status: 'Status',
  statuses: { open: 'Open', claimed: 'Claimed', resolved: 'Resolved', dismissed: 'Dismissed' },
  claimedBy: 'Claimed by',
  priority: 'Priority',
  priorities: { routine: 'Routine', urgent: 'Urgent' },
  specialty: 'Specialty',
  source: 'Source',
  reasons: 'Reasons',
  concepts: 'Concepts',
  notes: 'Notes',
  evidence: 'Evidence',
  routeTo: 'Route to…',
  reposted: (who) => `Reposted for ${who} by Ward, with personal details removed.`,
  removalAlert: (channel, link) =>
    `A message in ${channel} should be removed, but Ward has no admin token to remove it: please remove it by hand. ${link}`,
  askToEdit: (link) =>
    `Ward was asked to take down this message of yours but cannot remove it in Slack. Please delete it, or edit it to follow the community guidelines. ${link}`,
  actionFailed: 'Ward could not handle that just now. Please try again in a moment.',
  reportThanks: 'Thank you. Moderators will review this message; the author will not see who reported it.',
  commandUnavailable: 'This Ward command is not available yet.',
  usage:
    'Usage: `/ward explain <message link>` (why Ward acted on a message), `/ward status` (queues and open escalations), `/ward config check`, `/ward bridge add|list|pause|resume|remove …` (feeds and hashtags into a channel).',
};

const nl: SlackLabels = {
  status: 'Status',
  statuses: { open: 'Open', claimed: 'Opgepakt', resolved: 'Afgehandeld', dismissed: 'Afgewezen' },
  claimedBy: 'Opgepakt door',
  priority: 'Prioriteit',
  priorities: { routine: 'Gewoon', urgent: 'Urgent' },
  specialty: 'Specialisme',
  source: 'Bron',
  reasons: 'Redenen',
  concepts: 'Onderwerpen',
  notes: 'Notities',
  evidence: 'Bronnen',
  routeTo: 'Doorsturen naar…',
  reposted: (who) => `Door Ward opnieuw geplaatst voor ${who}, zonder persoonlijke gegevens.`,
  removalAlert: (channel, link) =>
    `Een bericht in ${channel} moet worden verwijderd, maar Ward heeft geen beheerderstoken om dat te doen: verwijder het alstublieft handmatig. ${link}`,
  askToEdit: (link) =>
    `Ward moest dit bericht van je weghalen, maar kan dat in Slack niet zelf. Wil je het verwijderen, of aanpassen zodat het binnen de afspraken van de community past? ${link}`,
  actionFailed: 'Ward kon dit nu niet verwerken. Probeer het zo nog eens.',
  reportThanks: 'Dank je. Moderatoren bekijken dit bericht; de schrijver ziet niet wie het meldde.',
  commandUnavailable: 'Dit Ward-commando is nog niet beschikbaar.',
  usage:
    'Gebruik: `/ward explain <berichtlink>` (waarom Ward op een bericht reageerde), `/ward status` (wachtrijen en open meldingen), `/ward config check`, `/ward bridge add|list|pause|resume|remove …` (feeds en hashtags in een kanaal).',
};

/** The labels for a locale such as `nl-NL` (Dutch) or anything else (English). */
export function slackLabels(locale: string | null | undefined): SlackLabels {
  return locale?.toLowerCase().startsWith('nl') ? nl : en;
}
