import { links, lines, quote } from './format.ts';
import type { TemplateSet } from './types.ts';

/** English member-facing texts. Warm, short, no blame (#chatsafe guidance for crisis replies). */
export const en: TemplateSet = {
  offer_redacted_repost: (p) =>
    `Hi, your message in ${p.channelName} is on hold because it included personal details such as a phone number, e-mail address or name. ` +
    `We keep those out of shared spaces to protect you and others. Here is your message without them:\n${quote(p.redacted)}\n` +
    'Press "Repost without details" to share it, or edit and send it again.',
  crisis_support: (p) =>
    "Thank you for telling us how you're feeling. You don't have to go through this alone, and it's okay to reach out right now. " +
    `These services are free and confidential:\n${lines(p)}\n` +
    'If you are in immediate danger, call your local emergency number. A member of our care team has also been asked to check in with you.',
  advice_redirect: (p) =>
    'That sounds like a question about your own situation, which a professional should answer. ' +
    `${p.askChannel ? `You can ask it in ${p.askChannel}, where clinicians reply. ` : ''}` +
    `${p.resources.length ? `General information that may help:\n${links(p)}` : ''}`,
  individual_advice_held: () =>
    'Your reply is on hold because it suggests starting, stopping or changing a treatment or dose for someone. ' +
    'Only a professional who knows their situation can advise that, so a moderator will look at it soon. Sharing your own experience is always welcome.',
  private_contact_notice: () =>
    'To keep everyone safe, please keep health conversations in the community rather than in private messages, phone calls or e-mail. ' +
    'A moderator has been told about this message.',
  commercial_held: () =>
    'Your message is on hold because it looks like promotion of a product, service or link. A moderator will review it.',
  misinformation_held: () =>
    'Your message is on hold while a professional reviews a health claim in it. This is not a judgement of you; we check claims that could cause harm if followed.',
  harassment_held: () =>
    'Your message is on hold because it may hurt or target someone. Please keep the conversation kind; a moderator will review it.',
  disclosure_self_held: (p) =>
    `Your message is on hold because it links your health information to details that identify you. Here it is without them:\n${quote(p.redacted)}\n` +
    'Press "Repost without details" to share it.',
  explain_third_party_disclosure: () =>
    "Your message is on hold because it shares someone else's health information together with details that identify them. " +
    'A moderator will review it; please ask for their consent or leave out who they are.',
  evidence_card: (p) => `General information on this topic (not advice for your situation):\n${links(p)}`,
  appeal_upheld: () =>
    "Your appeal was reviewed by a moderator, who decided to keep the original decision. Thank you for raising it; you can ask the moderators if you'd like to know more.",
  appeal_overturned: () =>
    'Your appeal was reviewed and upheld: the decision was overturned and your message has been restored.',
  hold_notice: () =>
    'Your message is on hold for a moderator to review. You can appeal if you think this is a mistake.',
};
