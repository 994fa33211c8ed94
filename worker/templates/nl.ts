import { links, lines, quote } from './format.ts';
import type { TemplateSet } from './types.ts';

/** Dutch member-facing texts. */
export const nl: TemplateSet = {
  offer_redacted_repost: (p) =>
    `Hoi, je bericht in ${p.channelName} staat even vast omdat er persoonlijke gegevens in stonden, zoals een telefoonnummer, e-mailadres of naam. ` +
    `Die houden we uit gedeelde ruimtes om jou en anderen te beschermen. Zo ziet je bericht eruit zonder die gegevens:\n${quote(p.redacted)}\n` +
    'Druk op "Opnieuw plaatsen zonder gegevens" om het te delen, of pas het aan en stuur het opnieuw.',
  crisis_support: (p) =>
    'Dank je dat je vertelt hoe het met je gaat. Je hoeft dit niet alleen te doen, en je mag nu hulp vragen. ' +
    `Deze diensten zijn gratis en vertrouwelijk:\n${lines(p)}\n` +
    'Ben je in direct gevaar, bel dan 112. Iemand van ons zorgteam is ook gevraagd om contact met je op te nemen.',
  advice_redirect: (p) =>
    'Dat klinkt als een vraag over jouw eigen situatie, en die hoort bij een zorgverlener. ' +
    `${p.askChannel ? `Je kunt hem stellen in ${p.askChannel}, waar zorgverleners antwoorden. ` : ''}` +
    `${p.resources.length ? `Algemene informatie die kan helpen:\n${links(p)}` : ''}`,
  individual_advice_held: () =>
    'Je reactie staat even vast omdat die iemand aanraadt een behandeling of dosis te starten, stoppen of veranderen. ' +
    'Dat kan alleen een zorgverlener die de situatie kent; een moderator kijkt er snel naar. Je eigen ervaring delen is altijd welkom.',
  private_contact_notice: () =>
    'Houd gesprekken over gezondheid graag in de community en niet in privéberichten, telefoon of e-mail; dat is veiliger voor iedereen. ' +
    'Een moderator is op de hoogte gebracht.',
  commercial_held: () =>
    'Je bericht staat even vast omdat het lijkt op reclame voor een product, dienst of link. Een moderator bekijkt het.',
  misinformation_held: () =>
    'Je bericht staat even vast terwijl een zorgverlener een gezondheidsclaim erin bekijkt. Dit is geen oordeel over jou; we controleren claims die schade kunnen doen als mensen ze volgen.',
  harassment_held: () =>
    'Je bericht staat even vast omdat het iemand kan kwetsen of aanvallen. Blijf alsjeblieft vriendelijk; een moderator bekijkt het.',
  disclosure_self_held: (p) =>
    `Je bericht staat even vast omdat je gezondheidsinformatie samen staat met gegevens waaraan je te herkennen bent. Zonder die gegevens:\n${quote(p.redacted)}\n` +
    'Druk op "Opnieuw plaatsen zonder gegevens" om het te delen.',
  explain_third_party_disclosure: () =>
    'Je bericht staat even vast omdat het gezondheidsinformatie van iemand anders deelt, samen met gegevens waaraan die persoon te herkennen is. ' +
    'Een moderator bekijkt het; vraag om toestemming of laat weg wie het is.',
  evidence_card: (p) =>
    `Algemene informatie over dit onderwerp (geen advies voor jouw situatie):\n${links(p)}`,
  appeal_upheld: () =>
    'Je bezwaar is bekeken door een moderator, die de oorspronkelijke beslissing handhaaft. Dank je dat je het aankaartte; je kunt de moderators om uitleg vragen.',
  appeal_overturned: () =>
    'Je bezwaar is bekeken en toegekend: de beslissing is teruggedraaid en je bericht is teruggeplaatst.',
  hold_notice: () =>
    'Je bericht staat even vast zodat een moderator het kan bekijken. Je kunt bezwaar maken als je denkt dat dit een vergissing is.',
};
