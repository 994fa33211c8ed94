import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

function describe(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : String(p))).join(' ');
}

/**
 * Bolt's logger interface over pino. Debug output is dropped whatever the level: Bolt and the Slack SDK log
 * raw payloads (message text) at debug, and Ward's logs carry ids only.
 */
export function boltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const on = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(level);
  const child = log.child({ component: 'slack-bolt' });
  return {
    debug: () => {},
    info: (...msg) => on(LogLevel.INFO) && child.info(describe(msg)),
    warn: (...msg) => on(LogLevel.WARN) && child.warn(describe(msg)),
    error: (...msg) => on(LogLevel.ERROR) && child.error(describe(msg)),
    setLevel: (l) => {
      level = l === LogLevel.DEBUG ? LogLevel.INFO : l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
