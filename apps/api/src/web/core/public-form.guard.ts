import type { CanActivate, ExecutionContext, Type } from '@nestjs/common';
import {
  applyDecorators,
  BadRequestException,
  ForbiddenException,
  HttpCode,
  HttpStatus,
  Injectable,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

import { Public } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  CSRF_FORM_FIELD,
  FOREIGN_ORIGIN,
  isCsrfTokenValid,
  isSameOriginRequest,
  leadingFormField,
} from '@onegate/auth';
import { AppConfig } from '@onegate/config';

import { isPublicFormTokenValid } from './web-cookies';

/**
 * CSRF protection for forms anyone may post (sign-in, sign-up), which the global guard does not check
 * and which set the session cookie: the request must come from OneGate's own pages (Origin or
 * Sec-Fetch-Site), and the form's token must match the browser's form cookie, or the session when
 * someone is signed in. Anything else is refused before the form is read: a multipart form (the
 * verification page's upload) carries its token in its first part, looked at before any file is read.
 */
@Injectable()
export class PublicFormGuard implements CanActivate {
  public constructor(private readonly config: AppConfig) {}

  public async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    if (!isSameOriginRequest(request, this.config)) throw new ForbiddenException(FOREIGN_ORIGIN);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const offered = request.is('multipart/form-data')
      ? await leadingFormField(request, CSRF_FORM_FIELD)
      : body[CSRF_FORM_FIELD];
    const valid =
      isPublicFormTokenValid(request, offered, this.config.jwtSecret) ||
      (request.user?.via === 'cookie' &&
        isCsrfTokenValid(offered, request.user.sessionId, this.config.jwtSecret));
    // An old page (its form cookie gone) is the usual cause: the reader is asked to load the form again.
    if (!valid) throw new BadRequestException('The form has expired or lacks its CSRF token: load it again');
    delete body[CSRF_FORM_FIELD];
    return true;
  }
}

/**
 * A form anyone may post: it answers with its page (200), is rate-limited, and passes PublicFormGuard
 * before anything else of it is read; `guards` run after those.
 */
export const PublicFormPost = (path?: string, ...guards: Type<CanActivate>[]) =>
  applyDecorators(
    Post(path),
    Public(),
    HttpCode(HttpStatus.OK),
    UseGuards(ThrottlerGuard, PublicFormGuard, ...guards),
  );
