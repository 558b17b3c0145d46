import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Gauge, Registry } from 'prom-client';

import { NationalSyncRepository } from '@onegate/persistence';

/** A file whose latest status the national portal has not accepted yet (docs/integrations.md, "Reconciliation"). */
export class PendingSyncDto {
  @ApiProperty() public applicationId!: string;
  /** The file's receipt code. */
  @ApiProperty({ nullable: true, type: String }) public code!: string | null;
  /** The file's state now. */
  @ApiProperty() public state!: string;
  /** The first status change not accepted: its state, and when the file took it. */
  @ApiProperty() public pendingState!: string;
  @ApiProperty() public since!: string;
  /** Status changes of the file waiting (that one and those after it). */
  @ApiProperty() public pendingChanges!: number;
  /** Tries of the first one so far, its last error and its next try. */
  @ApiProperty() public attempts!: number;
  @ApiProperty({ nullable: true, type: String }) public lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) public nextAttemptAt!: string | null;
}

/** The API's side: the files waiting for the portal, for administrators and the metrics. */
@Injectable()
export class NationalSyncStatus {
  public constructor(private readonly entries: NationalSyncRepository) {}

  public async pending(): Promise<PendingSyncDto[]> {
    return (await this.entries.pendingFiles()).map(({ entry, code, state, pending }) => ({
      applicationId: entry.applicationId,
      code,
      state,
      pendingState: entry.toState,
      since: entry.eventAt.toISOString(),
      pendingChanges: pending,
      attempts: entry.attempts,
      lastError: entry.lastError,
      nextAttemptAt: entry.nextAttemptAt?.toISOString() ?? null,
    }));
  }
}

/** The backlog of status changes the portal has not accepted, read from the database when /metrics is scraped. */
@Injectable()
export class NationalSyncMetrics {
  public constructor(registry: Registry, entries: NationalSyncRepository) {
    new Gauge({
      name: 'onegate_national_sync_pending',
      help: 'Status changes of files not yet accepted by the national public-service portal',
      registers: [registry],
      async collect() {
        this.set(await entries.pendingCount());
      },
    });
  }
}
