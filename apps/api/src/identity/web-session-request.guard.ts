import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ForbiddenException, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

import { FOREIGN_ORIGIN, isSameOriginRequest } from '@onegate/auth';
import { AppConfig } from '@onegate/config';

/**
 * `POST /api/auth/session` sets the session cookie, so it takes only JSON, which no form of another
 * site can send, from OneGate's own origin (docs/identity.md): otherwise another site could sign a
 * visitor in to the attacker's account. Checked before the password is.
 */
@Injectable()
export class WebSessionRequestGuard implements CanActivate {
  public constructor(private readonly config: AppConfig) {}

  public canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('application/json')) {
      throw new UnsupportedMediaTypeException('Send the sign-in as JSON: Content-Type: application/json');
    }
    if (!isSameOriginRequest(request, this.config)) throw new ForbiddenException(FOREIGN_ORIGIN);
    return true;
  }
}
