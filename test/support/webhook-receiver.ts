import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  /** The status the receiver answered. */
  answered: number;
}

/** How the receiver answers a path: a status (with headers), or never (the request hangs). */
export type Answer = { status: number; headers?: Record<string, string> } | 'hang';

/**
 * A real HTTP receiver on 127.0.0.1: it records every request and answers as the test tells it, per
 * path (by default 204).
 */
export class WebhookReceiver {
  public readonly received: ReceivedWebhook[] = [];
  private readonly hanging: ServerResponse[] = [];
  private answers = new Map<string, () => Answer>();

  private constructor(
    private readonly server: Server,
    public readonly url: string,
  ) {}

  public static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => receiver!.answer(request.url ?? '/', request.headers, chunks, response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  /** How the receiver answers requests to `path` from now on. */
  public on(path: string, answer: () => Answer): void {
    this.answers.set(path, answer);
  }

  /** The requests that reached `path`. */
  public at(path: string): ReceivedWebhook[] {
    return this.received.filter((request) => request.path === path);
  }

  /** Answers every hanging request with 204 (what it holds back), from now on per its path's rule. */
  public releaseHanging(): void {
    for (const response of this.hanging.splice(0)) response.writeHead(204).end();
  }

  public get hangingCount(): number {
    return this.hanging.length;
  }

  public async stop(): Promise<void> {
    this.releaseHanging();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(
    path: string,
    headers: IncomingHttpHeaders,
    chunks: Buffer[],
    response: ServerResponse,
  ): void {
    const answer = this.answers.get(path)?.() ?? { status: 204 };
    const body = Buffer.concat(chunks).toString('utf8');
    this.received.push({
      path,
      headers,
      body,
      at: Date.now(),
      answered: answer === 'hang' ? 0 : answer.status,
    });
    if (answer === 'hang') {
      this.hanging.push(response);
      return;
    }
    response.writeHead(answer.status, answer.headers ?? {}).end();
  }
}

/**
 * The Standard Webhooks signature check, written here from the specification alone (not with
 * OneGate's library): HMAC-SHA256 over `id.timestamp.body` with the base64 secret after `whsec_`,
 * compared in constant time with each `v1,` signature of the header. Answers which of the secrets
 * signed the request.
 */
export function secretsThatSigned(request: ReceivedWebhook, secrets: readonly string[]): string[] {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const signatures = String(request.headers['webhook-signature'] ?? '')
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  return secrets.filter((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest();
    return signatures.some(
      (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
    );
  });
}
