/**
 * Turns Slack's message markup into the plain text a member sees, so detectors read what was written:
 * `<mailto:a@b.nl|a@b.nl>` → `a@b.nl`, `<@U123>` → `@U123`, `&lt;` → `<`, and so on.
 * https://docs.slack.dev/messaging/formatting-message-text
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => renderToken(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function renderToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) return special(target.slice(1), label);
  if (label === null) return target.replace(/^(mailto|tel):/, '');
  // Auto-linked text shows its label; a link with its own label keeps both, so the URL stays visible.
  if (/^(mailto|tel):/.test(target) || comparable(label) === comparable(target)) return label;
  return `${label} (${target})`;
}

function comparable(link: string): string {
  return link
    .replace(/^(mailto:|tel:|https?:\/\/)/, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

function special(command: string, label: string | null): string {
  if (label) return label;
  const name = command.split('^')[0] ?? command;
  return ['here', 'channel', 'everyone'].includes(name) ? `@${name}` : '';
}
