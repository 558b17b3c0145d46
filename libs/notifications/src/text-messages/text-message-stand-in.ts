import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

import { TEXT_MESSAGES_PATH } from './text-message-provider';

const BODY_LIMIT = 64 * 1024;
/** Where a test or a developer tells the stand-in how to fail (docs/text-messages.md). */
export const TEXT_STAND_IN_FAILURES_PATH = '/stand-in/failures';

/** One message the stand-in was asked to send, and how it answered. */
export interface ReceivedText {
  at: string;
  channel: string;
  to: string;
  text: string;
  idempotencyKey: string;
  /** The HTTP status it answered. */
  status: number;
}

export interface TextStandInOptions {
  port: number;
  host?: string;
  token: string;
  /** A JSON-lines file each request is appended to, the number shortened to its last three digits. */
  recordFile?: string | null;
}

/**
 * A local stand-in of the SMS and Zalo (ZNS) provider, for development and tests
 * (docs/text-messages.md): it takes `POST /messages` with the configured bearer token, records what it
 * would send, and fails when told to: the next N messages, with a given HTTP status (503 by default).
 */
export class TextMessageStandIn {
  public readonly received: ReceivedText[] = [];
  private failNext = 0;
  private failStatus = 503;

  private constructor(
    private readonly server: Server,
    private readonly options: TextStandInOptions,
  ) {}

  public static async start(options: TextStandInOptions): Promise<TextMessageStandIn> {
    const server = createServer();
    const standIn = new TextMessageStandIn(server, options);
    server.on('request', (request, response) => void standIn.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    if (options.recordFile) mkdirSync(dirname(options.recordFile), { recursive: true });
    return standIn;
  }

  public get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The messages it accepted (2xx), to one number if given. */
  public accepted(to?: string): ReceivedText[] {
    return this.received.filter((text) => text.status < 300 && (to === undefined || text.to === to));
  }

  /** Fails the next `next` messages with `status`; `{}` stops failing. */
  public failWith(failures: { next?: number; status?: number }): void {
    this.failNext = failures.next ?? 0;
    this.failStatus = failures.status ?? 503;
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJson(request);
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'POST' || body === null) return send(response, 400, { error: 'bad request' });
    if (path === TEXT_STAND_IN_FAILURES_PATH) {
      const status = Number(body.status);
      this.failWith({
        next: Math.max(0, Number(body.next) || 0),
        status: status >= 400 && status < 600 ? status : 503,
      });
      return send(response, 200, { ok: true });
    }
    if (path !== TEXT_MESSAGES_PATH) return send(response, 404, { error: 'not found' });
    if (request.headers.authorization !== `Bearer ${this.options.token}`)
      return send(response, 401, { error: 'unknown token' });
    const channel = String(body.channel);
    const to = String(body.to ?? '');
    const text = String(body.text ?? '');
    if (!['sms', 'zns'].includes(channel) || !/^\+\d{8,15}$/.test(to) || text === '')
      return send(response, 422, { error: 'channel, to and text are required' });
    let status = 202;
    if (this.failNext > 0) {
      this.failNext -= 1;
      status = this.failStatus;
    }
    this.record({ channel, to, text, idempotencyKey: String(body.idempotencyKey ?? ''), status });
    send(response, status, status < 300 ? { accepted: true } : { error: 'failing as told' });
  }

  private record(entry: Omit<ReceivedText, 'at'>): void {
    const at = new Date().toISOString();
    this.received.push({ at, ...entry });
    if (!this.options.recordFile) return;
    const line = { at, ...entry, to: `…${entry.to.slice(-3)}` };
    appendFileSync(this.options.recordFile, `${JSON.stringify(line)}\n`);
  }
}

function send(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
