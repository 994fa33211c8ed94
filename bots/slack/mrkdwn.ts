/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` are the only control characters, and escaping them stops
 * member text from smuggling in mentions such as `<!channel>` or disguised links.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function escapeMrkdwn(text: string): string {
  // A `>` opening a line is a block quote and cannot form a link or mention without a `<`, so it stays.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/^&gt;/gm, '>');
}

/** Cuts text to at most `max` UTF-16 units (Block Kit limits), never splitting a surrogate pair, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** Escapes then truncates, dropping an entity the cut would leave half-written. */
export function escapeAndFit(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  return `${escaped
    .slice(0, max - 1)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/&[a-z]{0,3}$/, '')}…`;
}

/** A mrkdwn block quote of already escaped text. */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}
