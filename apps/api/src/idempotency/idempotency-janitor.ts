import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';

import { IdempotencyRepository } from '@onegate/persistence';

import { KEY_LIFETIME_MS } from './idempotency-key';

const SWEEP_EVERY_MS = 60 * 60_000;

/** Forgets answers older than their lifetime, hourly, in each API process (deleting twice is harmless). */
@Injectable()
export class IdempotencyJanitor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyJanitor.name);
  private timer: NodeJS.Timeout | null = null;

  public constructor(private readonly records: IdempotencyRepository) {}

  public onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  public onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  public async sweep(): Promise<number> {
    try {
      return await this.records.removeOlderThan(new Date(Date.now() - KEY_LIFETIME_MS));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not forget old idempotency keys');
      return 0;
    }
  }
}
