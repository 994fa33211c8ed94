import { randomUUID } from 'node:crypto';
import type { IngestResult } from '../contract.ts';
import { decisionsFor, findingsFor } from '../../db/repositories/decisions.ts';
import { getMessage } from '../../db/repositories/messages.ts';
import type { WardRuntime } from '../../worker/runtime.ts';
import { PERSONAS, type Persona, SANDBOX_WORKSPACE } from './sandbox-config.ts';

/** What Ward decided about one sandbox message, with the redacted copy only. */
export interface SandboxReport {
  status: IngestResult['status'];
  messageId: string | null;
  verdict: string | null;
  findings: { policy: string; code: string; shadow: boolean }[];
  redacted: string | null;
  reason?: string;
}

/** Posts sandbox messages through the real pipeline and reports what Ward decided. */
export class SandboxSession {
  constructor(
    private readonly runtime: WardRuntime,
    private readonly timeoutMs = 15_000,
  ) {}

  /** Sends `text` to `channel` as `persona` and waits for the decision. */
  async post(
    channel: string,
    text: string,
    persona: Persona = 'member',
    locale: string | null = null,
  ): Promise<SandboxReport> {
    const who = PERSONAS[persona];
    const result = await this.runtime.ingest.receive({
      platform: 'sandbox',
      workspaceId: SANDBOX_WORKSPACE,
      channelId: channel.replace(/^#/, ''),
      threadId: null,
      platformMessageId: randomUUID(),
      author: { id: who.id, roles: who.roles },
      text,
      sentAt: new Date(),
      edited: false,
      locale,
    });
    if (result.status === 'ignored')
      return {
        status: result.status,
        messageId: null,
        verdict: null,
        findings: [],
        redacted: null,
        reason: result.reason,
      };
    await this.runtime.waitForDecision(result.messageId, this.timeoutMs);
    return { status: result.status, messageId: result.messageId, ...(await this.report(result.messageId)) };
  }

  /** The stored decision of a message. */
  async report(messageId: string): Promise<Omit<SandboxReport, 'status' | 'messageId'>> {
    const db = this.runtime.database.db;
    const [decisions, findings, message] = await Promise.all([
      decisionsFor(db, messageId),
      findingsFor(db, messageId),
      getMessage(db, messageId),
    ]);
    const order = ['allow', 'flag', 'hold', 'remove'];
    const verdict =
      decisions.map((d) => d.verdict).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? null;
    return {
      verdict,
      findings: findings.map((f) => ({ policy: f.policy, code: f.code, shadow: f.shadow })),
      redacted: message?.redactedCipher ? this.runtime.cipher.decrypt(message.redactedCipher) : null,
    };
  }
}

/** One line per report, for the terminal. */
export function formatReport(r: SandboxReport): string {
  if (r.status === 'ignored')
    return `  ignored (${r.reason}); channels: #peer-support #ask-a-clinician #clinicians #general`;
  const codes = r.findings.filter((f) => !f.shadow).map((f) => f.code);
  const shadow = r.findings.filter((f) => f.shadow).map((f) => f.code);
  return [
    `  Ward: ${r.verdict ?? 'pending'} (message ${r.messageId})${codes.length ? ` — ${[...new Set(codes)].join(', ')}` : ''}${shadow.length ? ` (shadow: ${[...new Set(shadow)].join(', ')})` : ''}`,
    r.redacted !== null ? `  redacted: ${r.redacted}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
