import { Module } from '@nestjs/common';

import { ApplicationsModule } from '@onegate/applications';
import { AuthModule } from '@onegate/auth';
import { PaymentsModule } from '@onegate/payments';

import { PaymentsController } from './payments.controller';

@Module({
  imports: [ApplicationsModule, AuthModule, PaymentsModule],
  controllers: [PaymentsController],
})
export class PaymentsHttpModule {}
