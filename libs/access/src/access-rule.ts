import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import type { PartnerScope, Role } from '@onegate/domain';

export const ACCESS_RULE = Symbol('onegate:access-rule');

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; roles: readonly Role[] | 'any' }
  | { kind: 'partner'; scope: PartnerScope };

/** Anyone may call this route, signed in or not. Every route must say who may call it. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' });

export const BEFORE_PASSWORD_CHANGE = Symbol('onegate:before-password-change');

/**
 * The route stays open to an account that must change its password first (signing out, and the change
 * itself); every other route refuses it (docs/identity.md, "Recovering an account").
 */
export const BeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/** Only signed-in users may call this route; with roles, only users with one of them. */
export const Authenticated = (options: { roles?: readonly Role[] } = {}): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'authenticated', roles: options.roles ?? 'any' }),
    ApiBearerAuth(),
  );

/**
 * Only partner clients holding `scope` may call this route (docs/partner-clients.md); people are refused
 * with 403, and partner clients are refused every route not marked so.
 */
export const PartnerRoute = (scope: PartnerScope): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'partner', scope }), ApiBearerAuth());
