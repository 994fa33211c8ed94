import { createHmac } from 'node:crypto';

/** Options for one signed request. */
export interface SendOptions {
  /** Seconds since the epoch put in X-Slack-Request-Timestamp (default now); a stale one must be refused. */
  timestampSec?: number;
  /** Sign with this secret instead of the right one. */
  signWith?: string;
  /** Sets X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack does on a redelivery. */
  retryNum?: number;
}

/** Slack's v0 request signature of a raw body. https://docs.slack.dev/authentication/verifying-requests-from-slack */
export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** What the receiver answered. */
export interface SendResult {
  status: number;
  body: string;
}

/** Sends signed Events API, interactivity and slash-command requests to an HTTP receiver, as Slack would. */
export class FakeSlackEventsSender {
  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  /** POSTs an Events API envelope (JSON). */
  event(envelope: Record<string, unknown>, options: SendOptions = {}): Promise<SendResult> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  /** POSTs an interactivity payload (form-encoded `payload=<json>`). */
  interaction(payload: Record<string, unknown>, options: SendOptions = {}): Promise<SendResult> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }

  /** POSTs a slash command (form-encoded fields). */
  command(fields: Record<string, string>, options: SendOptions = {}): Promise<SendResult> {
    return this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  private async send(body: string, contentType: string, options: SendOptions): Promise<SendResult> {
    const ts = options.timestampSec ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(options.signWith ?? this.secret, ts, body),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(this.url, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  }
}
