import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';

import { AppConfig } from '@onegate/config';

import { AccessGuard } from './access.guard';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { CitizenLinkerService } from './oidc/citizen-linker.service';
import { OidcClientService } from './oidc/oidc-client.service';
import { OidcStrategy } from './oidc/oidc.strategy';
import { PartnerCalls } from './partner-calls';
import { PartnerTokens } from './partner-tokens';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';
import { ThrottleCounterModule, ThrottleCounterStore } from './throttle-counter.store';

export const AUTH_THROTTLER = 'auth';

/** Identity: passwords, sessions, passport strategies, the global access guard, rate limits. */
@Module({
  imports: [
    PassportModule,
    ThrottleCounterModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
    ThrottlerModule.forRootAsync({
      imports: [ThrottleCounterModule],
      inject: [AppConfig, ThrottleCounterStore],
      useFactory: (config: AppConfig, counters: ThrottleCounterStore) => ({
        throttlers: [
          { name: AUTH_THROTTLER, ttl: 60_000, limit: config.authRateLimit, blockDuration: 60_000 },
        ],
        storage: counters.storage,
      }),
    }),
  ],
  providers: [
    PasswordHasher,
    SignInService,
    SessionService,
    LocalStrategy,
    JwtStrategy,
    OidcClientService,
    CitizenLinkerService,
    OidcStrategy,
    PartnerTokens,
    PartnerCalls,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [PasswordHasher, SessionService, ThrottlerModule, PartnerTokens, PartnerCalls],
})
export class AuthModule {}
