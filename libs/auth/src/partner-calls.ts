import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';

import type { PartnerCaller } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { AuditEventRepository } from '@onegate/persistence';

import { ThrottleCounterStore } from './throttle-counter.store';

const MINUTE_MS = 60_000;

/** What the audit keeps of one call by a partner client: never its body, query or answer. */
export interface PartnerCallRecord {
  clientId: string;
  method: string;
  /** The route as declared (`/api/partner/files/:id`) and the path called, without its query. */
  route: string;
  path: string;
  status: number;
  ip: string | null;
}

/** The rate limit and the audit of partner clients' calls (docs/partner-clients.md). */
@Injectable()
export class PartnerCalls {
  private readonly logger = new Logger(PartnerCalls.name);

  public constructor(
    private readonly counters: ThrottleCounterStore,
    private readonly audit: AuditEventRepository,
    private readonly config: AppConfig,
  ) {}

  /** Counts the call in the client's minute; past `PARTNER_RATE_PER_MINUTE`, 429 with Retry-After. */
  public async count(caller: PartnerCaller, response: Response): Promise<void> {
    const limit = this.config.partners.ratePerMinute;
    const counted = await this.counters.storage.increment(caller.clientId, MINUTE_MS, limit, 1, 'partner');
    if (counted.totalHits <= limit) return;
    response.setHeader('Retry-After', String(Math.max(1, counted.timeToExpire)));
    throw new HttpException(
      { message: `Too many calls: at most ${limit} a minute for a partner client` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** Writes the call to the audit log once it is answered, whatever the answer. */
  public auditWhenAnswered(caller: PartnerCaller, request: Request, response: Response): void {
    response.once('finish', () => {
      this.record({
        clientId: caller.clientId,
        method: request.method,
        route: (request.route as { path?: string } | undefined)?.path ?? request.path,
        path: request.path,
        status: response.statusCode,
        ip: request.ip ?? null,
      }).catch((error: unknown) =>
        this.logger.error({ err: error, clientId: caller.clientId }, 'partner call not audited'),
      );
    });
  }

  public record(call: PartnerCallRecord): Promise<void> {
    return this.audit.append({
      type: 'partner_call',
      actorId: call.clientId,
      subjectId: call.clientId,
      ip: call.ip,
      details: { method: call.method, route: call.route, path: call.path, status: call.status },
    });
  }
}
