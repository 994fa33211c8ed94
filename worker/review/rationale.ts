import { normalizeText } from '../../policies/detect/normalize.ts';
import { detectPii } from '../../policies/detect/pii/index.ts';
import { redactText } from '../../policies/detect/pii/redact.ts';

const MAX_CHARS = 200;
const SHINGLE = 4;

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function shingles(s: string): Set<string> {
  const w = words(s);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * The model's rationale as it may appear on a moderator card: one line, one sentence, capped, with identifiers
 * replaced. Null when it quotes the message (any run of four words in common), so no message text ends up in the
 * escalation's plain-text reasons.
 */
export function safeRationale(rationale: string, messageText: string): string | null {
  const line = rationale.replace(/\s+/g, ' ').trim();
  const sentence = (line.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? line).slice(0, MAX_CHARS).trim();
  if (!sentence) return null;
  const quoted = shingles(messageText);
  for (const s of shingles(sentence)) if (quoted.has(s)) return null;
  return redactText(sentence, detectPii(normalizeText(sentence))).text;
}
