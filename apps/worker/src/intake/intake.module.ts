import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';

import { AttachmentIntegrity } from './attachment-integrity.service';

@Module({
  imports: [ApplicationsModule],
  providers: [AttachmentIntegrity],
})
export class IntakeModule {}
