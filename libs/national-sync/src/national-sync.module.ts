import { Module } from '@nestjs/common';

import { AppConfig } from '@onegate/config';

import { HttpNationalPortal } from './http-national-portal';
import { NATIONAL_PORTAL } from './national-portal';
import { NationalSyncMetrics, NationalSyncStatus } from './national-sync-status';
import { NationalSync } from './national-sync.service';

/** The worker's side: recording the files' status changes and sending them to the national portal (docs/integrations.md). */
@Module({
  providers: [
    NationalSync,
    {
      provide: NATIONAL_PORTAL,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new HttpNationalPortal(config.nationalPortal),
    },
  ],
})
export class NationalSyncModule {}

/** The API's side: the files waiting for the portal, and the backlog's metric. */
@Module({ providers: [NationalSyncStatus, NationalSyncMetrics], exports: [NationalSyncStatus] })
export class NationalSyncAdminModule {}
