import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

import { ACCEPTED, PORTAL_SERVICES, SERVICE_PATH, SIGN_IN_PATH } from '../national-portal';

const BODY_LIMIT = 1024 * 1024;
/** Where a test or a developer tells the stand-in how to fail (docs/integrations.md, "The local stand-in"). */
export const STAND_IN_FAILURES_PATH = '/stand-in/failures';

/** How a request the stand-in was told to fail fails. */
type FailureKind = 'refused' | 'http' | 'dropped';
const FAILURE_KINDS: readonly FailureKind[] = ['refused', 'http', 'dropped'];

/** One request the stand-in received: its service and the answer it gave (`error_code`, or how it failed). */
export interface StandInRequest {
  at: string;
  service: string;
  /** The request's fields; the sign-in's password is never kept. */
  body: Record<string, unknown>;
  /** `00` accepted; another `error_code`; `http 503`; `dropped` (no answer). */
  answer: string;
}

export interface StandInOptions {
  port: number;
  host?: string;
  username: string;
  password: string;
  /** A JSON-lines file where each request is appended, without personal data; null: memory only. */
  recordFile?: string | null;
}

/** The fields of a request written to the record file: what the portal was told, not about whom. */
const RECORDED_FIELDS = [
  'MaHoSo',
  'TrangThaiHoSo',
  'TrangThai',
  'ThoiDiemXuLy',
  'GhiChu',
  'isUpdating',
  'mahoso',
];

/**
 * A local stand-in of the national portal's adapter, for development and tests (docs/integrations.md):
 * it signs in, takes `DongBoHoSoMC`, `CapNhatTienDoHoSoMC` and `TraCuuHoSo`, keeps the files as told,
 * records every request, and fails when told to: the next N requests, or a share of them at random.
 */
export class NationalPortalStandIn {
  public readonly received: StandInRequest[] = [];
  /** The files as the stand-in holds them, by code, each with its progress (`TienDo`). */
  public readonly files = new Map<string, Record<string, unknown>>();
  private readonly sessions = new Set<string>();
  private failNext = 0;
  private failShare = 0;
  private readonly failingCodes = new Set<string>();
  private delayMs = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: StandInOptions,
  ) {}

  public static async start(options: StandInOptions): Promise<NationalPortalStandIn> {
    const server = createServer();
    const standIn = new NationalPortalStandIn(server, options);
    server.on('request', (request, response) => void standIn.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    if (options.recordFile) mkdirSync(dirname(options.recordFile), { recursive: true });
    return standIn;
  }

  public get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /**
   * How to fail from now on: the next `next` service requests, then a `share` (0 to 1) of the others
   * at random, and every request about the files of `codes`; each service request answered (and taken
   * into account) only after `delayMs`, whether its caller still waits or not.
   */
  public failWith(failures: { next?: number; share?: number; codes?: string[]; delayMs?: number }): void {
    this.delayMs = failures.delayMs ?? 0;
    this.failNext = failures.next ?? 0;
    this.failShare = failures.share ?? 0;
    this.failingCodes.clear();
    for (const code of failures.codes ?? []) this.failingCodes.add(code);
  }

  /** Forgets the sessions it gave, as a portal restarting would. */
  public forgetSessions(): void {
    this.sessions.clear();
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readJson(request);
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'POST' || body === null) return send(response, 400, { error_code: '400' });
    if (path === STAND_IN_FAILURES_PATH) {
      this.failWith({
        next: Number(body.next) || 0,
        share: Number(body.share) || 0,
        codes: Array.isArray(body.codes) ? body.codes.map(String) : [],
        delayMs: Math.min(Number(body.delayMs) || 0, 60_000),
      });
      return send(response, 200, { error_code: ACCEPTED });
    }
    if (path === SIGN_IN_PATH) return this.signIn(body, response);
    if (path !== SERVICE_PATH) return send(response, 404, { error_code: '404' });
    const service = String(body.service);
    if (!this.sessions.has(String(body.session))) {
      this.record(service, body, 'http 401');
      return send(response, 401, { error_code: '401', message: 'Phiên làm việc không hợp lệ' });
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const failure = this.failureFor(body);
    if (failure === 'dropped') {
      this.record(service, body, 'dropped');
      response.socket?.destroy();
      return;
    }
    if (failure === 'http') {
      this.record(service, body, 'http 503');
      return send(response, 503, { error_code: '503' });
    }
    if (failure === 'refused') {
      this.record(service, body, '99');
      return send(response, 200, { error_code: '99', message: 'Lỗi hệ thống' });
    }
    return this.serve(service, body, response);
  }

  private signIn(body: Record<string, unknown>, response: ServerResponse): void {
    const known = body.username === this.options.username && body.password === this.options.password;
    this.record('login', { username: body.username }, known ? ACCEPTED : '01');
    if (!known) return send(response, 200, { error_code: '01', message: 'Sai tài khoản' });
    const session = randomUUID();
    this.sessions.add(session);
    send(response, 200, { error_code: ACCEPTED, session });
  }

  private serve(service: string, body: Record<string, unknown>, response: ServerResponse): void {
    const item = Array.isArray(body.data) ? (body.data[0] as Record<string, unknown> | undefined) : undefined;
    if (service === PORTAL_SERVICES.lookUp) {
      this.record(service, body, ACCEPTED);
      const file = this.files.get(String(body.mahoso));
      return send(response, 200, file ? { error_code: ACCEPTED, data: file } : { error_code: '02' });
    }
    const code = typeof item?.MaHoSo === 'string' ? item.MaHoSo : '';
    if (!item || code === '') {
      this.record(service, body, '03');
      return send(response, 200, { error_code: '03', message: 'Thiếu MaHoSo' });
    }
    if (service === PORTAL_SERVICES.dossier) {
      const progress = (this.files.get(code)?.TienDo as unknown[] | undefined) ?? [];
      this.files.set(code, { ...item, TienDo: progress });
    } else if (service === PORTAL_SERVICES.progress) {
      const file = this.files.get(code);
      if (!file) {
        this.record(service, body, '02');
        return send(response, 200, { error_code: '02', message: 'Không tìm thấy hồ sơ' });
      }
      (file.TienDo as unknown[]).push(item);
    } else {
      this.record(service, body, '04');
      return send(response, 200, { error_code: '04', message: 'Dịch vụ không có' });
    }
    this.record(service, body, ACCEPTED);
    send(response, 200, { error_code: ACCEPTED });
  }

  private failureFor(body: Record<string, unknown>): FailureKind | null {
    const item = Array.isArray(body.data) ? (body.data[0] as Record<string, unknown> | undefined) : undefined;
    const code = String(item?.MaHoSo ?? body.mahoso ?? '');
    const pick = () => FAILURE_KINDS[Math.floor(Math.random() * FAILURE_KINDS.length)]!;
    if (this.failingCodes.has(code)) return 'refused';
    if (this.failNext > 0) {
      this.failNext -= 1;
      return pick();
    }
    return Math.random() < this.failShare ? pick() : null;
  }

  private record(service: string, body: Record<string, unknown>, answer: string): void {
    const { password: _password, ...kept } = body;
    const entry = { at: new Date().toISOString(), service, body: kept, answer };
    this.received.push(entry);
    if (!this.options.recordFile) return;
    const item = Array.isArray(kept.data) ? ((kept.data[0] ?? {}) as Record<string, unknown>) : kept;
    const fields = Object.fromEntries(
      RECORDED_FIELDS.filter((name) => name in item).map((name) => [name, item[name]]),
    );
    appendFileSync(
      this.options.recordFile,
      `${JSON.stringify({ at: entry.at, service, ...fields, answer })}\n`,
    );
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
