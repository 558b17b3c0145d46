import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { SigningModule } from '@onegate/documents';

import { OnlineSigning } from './online-signing.service';

@Module({
  imports: [ApplicationsModule, SigningModule],
  providers: [OnlineSigning],
})
export class IssuanceModule {}
