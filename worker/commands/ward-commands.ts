import type { Platform } from '../../policies/core/types.ts';
import { findLatestVersion } from '../../db/repositories/messages.ts';
import type { WardRuntime } from '../runtime.ts';
import { type BridgeActor, runBridgeCommand } from './bridge-command.ts';
import { checkConfigFile } from './config-check.ts';
import { explainMessage, formatExplain } from './explain.ts';
import { formatShadowReport, shadowReport } from './shadow-report.ts';
import { collectStatus, formatStatus } from './status.ts';

/** A message as a slash command names it: Ward's id, or the platform's channel and message ids. */
export type MessageSelector =
  | { messageId: string }
  | { platform: Platform; workspaceId: string; channelId: string; platformMessageId: string };

/** The `/ward` commands, platform-neutral: adapters parse their command syntax and show these answers privately. */
export class WardCommands {
  constructor(
    private readonly runtime: WardRuntime,
    private readonly configFile: string | null,
    private readonly platforms: Platform[],
  ) {}

  /** `/ward explain <message>`: a dry run on the stored message; redacted text only. */
  async explain(selector: MessageSelector): Promise<string> {
    const id =
      'messageId' in selector
        ? selector.messageId
        : await findLatestVersion(this.runtime.database.db, {
            platform: selector.platform,
            workspaceId: selector.workspaceId,
            platformChannelId: selector.channelId,
            platformMessageId: selector.platformMessageId,
          });
    const report = id
      ? await explainMessage(
          { db: this.runtime.database.db, cipher: this.runtime.cipher, community: this.runtime.community },
          id,
        )
      : null;
    return report
      ? formatExplain(report)
      : 'Ward has no stored text for that message (never seen, deleted, or past retention).';
  }

  /** `/ward status`: queue depth, open escalations, time to claim and resolve. */
  async status(): Promise<string> {
    return formatStatus(
      await collectStatus(
        { db: this.runtime.database.db, queues: this.runtime.queues, community: this.runtime.community },
        this.platforms,
      ),
    );
  }

  /** `/ward config check`: validates the config file on disk. */
  configCheck(): string {
    return this.configFile
      ? checkConfigFile(this.configFile)
      : 'Ward runs on an inline config; there is no file to check.';
  }

  /** `/ward shadow report [days]`: what shadow-mode policies would have done, and moderator agreement. */
  async shadowReport(days = 30): Promise<string> {
    return formatShadowReport(
      await shadowReport(this.runtime.database.db, new Date(Date.now() - days * 86_400_000)),
    );
  }

  /**
   * `/ward bridge add|list|pause|resume|remove …` (the words after `bridge`): moderators only, refusals audited;
   * answered in the community's language.
   */
  async bridge(text: string, actor: BridgeActor): Promise<string> {
    const locale = this.runtime.community.current.community.locale;
    return (await runBridgeCommand(this.runtime.bridgeCommands, text, actor, locale)).text;
  }

  /** Parses `explain|status|config check|shadow report [days]` and answers; unknown input gets the usage. */
  async run(text: string, explainSelector: (arg: string) => MessageSelector | null): Promise<string> {
    const [cmd = '', ...rest] = text.trim().split(/\s+/);
    const arg = rest.join(' ');
    if (cmd === 'status') return this.status();
    if (cmd === 'config' && rest[0] === 'check') return this.configCheck();
    if (cmd === 'shadow') return this.shadowReport(Number(rest[1] ?? 30) || 30);
    if (cmd === 'explain') {
      const selector = explainSelector(arg);
      return selector ? this.explain(selector) : 'Usage: /ward explain <message link>';
    }
    return 'Usage: /ward explain <message link> | status | config check | shadow report [days]';
  }
}
