/** A Slack message a command points at. */
export interface SlackMessageTarget {
  channelId: string;
  platformMessageId: string;
  threadId: string | null;
}

/** A parsed `/ward` command. */
export type WardCommand =
  | { kind: 'explain'; target: SlackMessageTarget }
  | { kind: 'status' }
  | { kind: 'config_check' }
  /** `/ward bridge …`: the words after `bridge`, with Slack's markup undone (the worker parses them). */
  | { kind: 'bridge'; text: string };

/** The parse result: a command, or why the input was not one (the caller answers with usage). */
export type ParsedWardCommand =
  | { ok: true; command: WardCommand }
  | { ok: false; reason: 'empty' | 'unknown' | 'bad_link' };

/**
 * Parses a Slack message link (`https://x.slack.com/archives/C123/p1700000000000100?thread_ts=…`).
 * Slack may send it wrapped as `<url>` or `<url|label>`.
 */
export function parseMessageLink(input: string): SlackMessageTarget | null {
  const raw = input.trim().replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const m = /^\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})\/?$/.exec(url.pathname);
  if (!m) return null;
  const ts = `${m[2]}.${m[3]}`;
  const threadTs = url.searchParams.get('thread_ts');
  const threadId = threadTs && /^\d{10}\.\d{6}$/.test(threadTs) && threadTs !== ts ? threadTs : null;
  return { channelId: m[1]!, platformMessageId: ts, threadId };
}

/**
 * Undoes what Slack does to command text, keeping channel mentions (`<#C123|name>`, which the worker resolves):
 * auto-linked URLs `<https://…|label>` become the URL, `&amp;` `&lt;` `&gt;` their characters, and curly quotes
 * that clients type become straight ones, so quoted options keep working.
 * https://docs.slack.dev/interactivity/implementing-slash-commands#parsing
 */
export function unslackCommandText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Parses the text after `/ward`: `explain <message link>`, `status`, `config check` or `bridge …`. Pure. */
export function parseWardCommand(text: string): ParsedWardCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words.map((w, i) => (i === 0 ? w.toLowerCase() : w));
  if (!verb) return { ok: false, reason: 'empty' };
  if (verb === 'bridge') {
    const after = text.trim().slice('bridge'.length).trim();
    return { ok: true, command: { kind: 'bridge', text: unslackCommandText(after) } };
  }
  if (verb === 'status' && rest.length === 0) return { ok: true, command: { kind: 'status' } };
  if (verb === 'config' && rest.length === 1 && rest[0]?.toLowerCase() === 'check') {
    return { ok: true, command: { kind: 'config_check' } };
  }
  if (verb === 'explain') {
    const target = rest.length === 1 ? parseMessageLink(rest[0]!) : null;
    return target ? { ok: true, command: { kind: 'explain', target } } : { ok: false, reason: 'bad_link' };
  }
  return { ok: false, reason: 'unknown' };
}
