import { Module } from '@nestjs/common';

import { AuthModule } from '@onegate/auth';
import { AccountMailModule, TextMessageProviderModule } from '@onegate/notifications';

import { AccountLinksService } from './account-links.service';

import { AccountService } from './account.service';
import { AdminUsersController } from './admin-users.controller';
import { AuditController } from './audit.controller';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { OidcController } from './oidc.controller';
import { PhoneVerificationService } from './phone-verification.service';
import { RegistrationService } from './registration.service';
import { StaffService } from './staff.service';

@Module({
  imports: [AuthModule, AccountMailModule, TextMessageProviderModule],
  controllers: [AuthController, MeController, AdminUsersController, AuditController, OidcController],
  providers: [
    RegistrationService,
    AccountService,
    StaffService,
    AccountLinksService,
    PhoneVerificationService,
  ],
  exports: [RegistrationService, StaffService, AccountService, AccountLinksService, PhoneVerificationService],
})
export class IdentityModule {}
