import { Module } from '@nestjs/common';

import { NationalSyncAdminModule } from '@onegate/national-sync';

import { AdminNationalSyncController } from './admin-national-sync.controller';

@Module({ imports: [NationalSyncAdminModule], controllers: [AdminNationalSyncController] })
export class NationalSyncHttpModule {}
