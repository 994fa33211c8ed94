/**
 * The paragraph an adapter that cannot remove a held message appends to the author's private message (before a
 * link to the message), so the author gets one message that both explains the hold and asks them to act.
 */
export function editRequestText(locale: string): string {
  return locale.toLowerCase().startsWith('nl')
    ? 'Ward kan berichten hier niet zelf verbergen, dus je bericht is nog zichtbaar voor anderen. ' +
        'Wil je het verwijderen, of aanpassen zodat het binnen de afspraken van de community past?'
    : 'Ward cannot hide messages here, so your message is still visible to others. ' +
        'Please delete it, or edit it so it follows the community guidelines.';
}
