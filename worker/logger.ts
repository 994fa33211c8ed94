import pino, { type Logger } from 'pino';

/**
 * Paths pino censors: a second net behind the rule that logs carry ids only.
 * Any field named like message content is removed wherever it appears (two levels deep).
 */
export const REDACT_PATHS = [
  'text',
  'redacted',
  'body',
  'content',
  'excerpt',
  'payload.text',
  '*.text',
  '*.redacted',
  '*.body',
  '*.content',
  '*.excerpt',
  '*.*.text',
  '*.*.content',
];

/** Creates Ward's logger (JSON to stdout, or to `destination` in tests). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'ward' }, redact: { paths: REDACT_PATHS, remove: true } }, destination);
}
