import { Module } from '@nestjs/common';

import { AuthModule } from '@onegate/auth';
import { AccountMailModule } from '@onegate/notifications';

import { AccountLinksService } from './account-links.service';

import { AccountService } from './account.service';
import { AdminUsersController } from './admin-users.controller';
import { AuditController } from './audit.controller';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { OidcController } from './oidc.controller';
import { RegistrationService } from './registration.service';
import { StaffService } from './staff.service';

@Module({
  imports: [AuthModule, AccountMailModule],
  controllers: [AuthController, MeController, AdminUsersController, AuditController, OidcController],
  providers: [RegistrationService, AccountService, StaffService, AccountLinksService],
  exports: [RegistrationService, StaffService, AccountService, AccountLinksService],
})
export class IdentityModule {}
