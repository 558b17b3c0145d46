import type { TextMessagesConfig } from '@onegate/config';
import type { TextChannel } from '@onegate/persistence';

/** One text message to one number (docs/text-messages.md). */
export interface OutgoingText {
  channel: TextChannel;
  /** E.164, `+84…`. */
  to: string;
  text: string;
  /** Stable across retries of the same message: the provider sends one message per key. */
  idempotencyKey: string;
}

/**
 * `accepted`: the provider took it. `retry`: it may be tried again (no answer, 429, 5xx, a redirect).
 * `refused`: refused for good (another 4xx). The reason never carries the number or the text.
 */
export type TextOutcome =
  { outcome: 'accepted' } | { outcome: 'retry'; reason: string } | { outcome: 'refused'; reason: string };

/** What OneGate asks of an SMS or Zalo (ZNS) provider. */
export interface TextMessageProvider {
  /** false: no provider is configured (production without TEXT_MESSAGE_URL), nothing is sent. */
  readonly enabled: boolean;
  send(message: OutgoingText): Promise<TextOutcome>;
}

/** The adapter in use, provided by TextMessageProviderModule. */
export const TEXT_MESSAGE_PROVIDER = Symbol('TEXT_MESSAGE_PROVIDER');

/** The path under TEXT_MESSAGE_URL each message is POSTed to. */
export const TEXT_MESSAGES_PATH = '/messages';

/**
 * The provider over HTTP: POST `{channel, to, text, idempotencyKey}` as JSON to TEXT_MESSAGE_URL +
 * `/messages`, with the token as a bearer and the key again as `Idempotency-Key`; within the timeout,
 * following no redirect. The token, the number and the text are never logged nor put in a reason.
 */
export class HttpTextMessageProvider implements TextMessageProvider {
  public constructor(private readonly config: TextMessagesConfig) {}

  public get enabled(): boolean {
    return this.config.url !== null;
  }

  public async send(message: OutgoingText): Promise<TextOutcome> {
    if (!this.config.url) return { outcome: 'refused', reason: 'no text-message provider is configured' };
    let response: Response;
    try {
      response = await fetch(`${this.config.url}${TEXT_MESSAGES_PATH}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.config.token}`,
          'idempotency-key': message.idempotencyKey,
        },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return {
        outcome: 'retry',
        reason: timedOut ? `no answer within ${this.config.timeoutMs} ms` : 'connection failed',
      };
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { outcome: 'accepted' };
    const reason = `answered HTTP ${status}`;
    if (status === 429 || status >= 500 || (status >= 300 && status < 400))
      return { outcome: 'retry', reason };
    return { outcome: 'refused', reason };
  }
}
