import { ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Request, Response } from 'express';

import {
  ACCESS_RULE,
  BEFORE_PASSWORD_CHANGE,
  BODY_AFTER,
  passwordChangeRequired,
  readRequestBody,
  ROLE_IS_ENOUGH,
} from '@onegate/access';
import type { AccessRule, AuthenticatedUser, BodyAfterCheck, PartnerCaller } from '@onegate/access';
import { AppConfig } from '@onegate/config';

import { leadingFormField, leadingUrlEncodedField } from './leading-form-field';
import { PartnerCalls } from './partner-calls';
import { isPartnerToken, PartnerTokens } from './partner-tokens';
import { CSRF_FORM_FIELD, CSRF_HEADER, isCsrfTokenValid, SESSION_COOKIE } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one global guard. A route without an access rule is refused. Public routes take an identity
 * when one is offered; authenticated routes need one, with one of the route's roles if it names
 * any; state-changing requests authenticated by the session cookie also need the CSRF token; a
 * account whose password an administrator set may only change it or sign out; a
 * route naming a resource checks the caller may act on it (`@BodyAfter`). The body is read only
 * after all of these (docs/architecture.md, "HTTP conventions").
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  public constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly modules: ModuleRef,
    private readonly partnerTokens: PartnerTokens,
    private readonly partnerCalls: PartnerCalls,
  ) {
    super();
  }

  public override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenException('This route declares no access rule');
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const partnerToken = partnerTokenOf(request);
    if (partnerToken !== null) return this.partnerCall(context, rule, partnerToken);
    if (rule.kind === 'public') {
      if (offersIdentity(request)) await (super.canActivate(context) as Promise<boolean>).catch(() => false);
      await readRequestBody(request);
      return true;
    }
    await super.canActivate(context);
    const user = request.user!;
    if (rule.kind === 'partner') throw new ForbiddenException('Only partner clients may call this route');
    if (rule.roles !== 'any' && !rule.roles.includes(user.role)) {
      throw new ForbiddenException('Your role may not do this');
    }
    if (user.passwordChangeDue && !this.openBeforePasswordChange(context)) throw passwordChangeRequired();
    if (
      user.via === 'cookie' &&
      !SAFE_METHODS.has(request.method) &&
      !isCsrfTokenValid(await csrfTokenOf(request), user.sessionId, this.config.jwtSecret)
    ) {
      throw new ForbiddenException('Missing or invalid CSRF token');
    }
    await this.checkResource(context, request, user);
    await readRequestBody(request);
    // The token has done its job; the route's own body validation must not see it.
    delete (request.body as Record<string, unknown> | undefined)?.[CSRF_FORM_FIELD];
    return true;
  }

  /**
   * A call with a partner client's token (docs/partner-clients.md): the client must still be enabled,
   * within its rate, and the route one of the partner routes of a scope it holds; every call it makes
   * is audited, refused or not.
   */
  private async partnerCall(context: ExecutionContext, rule: AccessRule, token: string): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { partner?: PartnerCaller }>();
    const response = http.getResponse<Response>();
    const caller = await this.partnerTokens.callerOf(token, new Date());
    if (!caller)
      throw new UnauthorizedException('The access token is missing, expired or its client disabled');
    request.partner = caller;
    this.partnerCalls.auditWhenAnswered(caller, request, response);
    await this.partnerCalls.count(caller, response);
    if (rule.kind === 'authenticated')
      throw new ForbiddenException('Partner clients may call only /api/partner routes');
    if (rule.kind === 'partner' && !caller.scopes.includes(rule.scope)) {
      throw new ForbiddenException(`This client does not hold the scope ${rule.scope}`);
    }
    const check = this.bodyAfterCheck(context);
    if (check && check !== ROLE_IS_ENOUGH) {
      const params = request.params as Record<string, string>;
      await this.modules.get(check, { strict: false }).assertPartnerMayActOn?.(caller, params);
    }
    await readRequestBody(request);
    return true;
  }

  private openBeforePasswordChange(context: ExecutionContext): boolean {
    return !!this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_PASSWORD_CHANGE, [
      context.getHandler(),
      context.getClass(),
    ]);
  }

  private bodyAfterCheck(context: ExecutionContext): BodyAfterCheck | undefined {
    return this.reflector.getAllAndOverride<BodyAfterCheck | undefined>(BODY_AFTER, [
      context.getHandler(),
      context.getClass(),
    ]);
  }

  private async checkResource(context: ExecutionContext, request: Request, user: AuthenticatedUser) {
    const check = this.bodyAfterCheck(context);
    if (!check || check === ROLE_IS_ENOUGH) return;
    const params = request.params as Record<string, string>;
    await this.modules.get(check, { strict: false }).assertMayActOn(user, params);
  }

  public override handleRequest<User>(error: unknown, user: User | false): User {
    // An error here is not a bad token (that is `user === false`) but a failed look-up, e.g. the
    // database being away: it must not read as "signed out".
    if (error) throw error;
    if (!user)
      throw new UnauthorizedException('Sign in first: the access token is missing, expired or revoked');
    return user;
  }
}

/**
 * The header's token is checked before any of the body is read; a form's is its first field (the
 * portal's forms all start with it), looked at alone, so that the rest of a forged post is never read.
 */
async function csrfTokenOf(request: Request): Promise<unknown> {
  const header = request.header(CSRF_HEADER);
  if (header !== undefined) return header;
  if (request.is('multipart/form-data')) return leadingFormField(request, CSRF_FORM_FIELD);
  if (request.is('application/x-www-form-urlencoded'))
    return leadingUrlEncodedField(request, CSRF_FORM_FIELD);
  return undefined; // a JSON body sends its token in the header
}

/** The bearer token of a partner client, if the request carries one. */
function partnerTokenOf(request: Request): string | null {
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  return match && isPartnerToken(match[1]!) ? match[1]! : null;
}

function offersIdentity(request: Request): boolean {
  return Boolean(
    request.headers.authorization ||
    (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE],
  );
}
