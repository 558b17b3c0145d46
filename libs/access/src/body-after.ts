import type { Type } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';

import type { AuthenticatedUser } from './authenticated-user';
import type { PartnerCaller } from './partner-caller';

export const BODY_AFTER = Symbol('onegate:body-after');

/**
 * Whether the caller may act on the resource a route's path names; throws (404 as a rule, so that
 * nothing tells a resource one may not touch from one that does not exist) when not.
 */
export interface ResourceCheck {
  assertMayActOn(user: AuthenticatedUser, params: Readonly<Record<string, string>>): Promise<void>;
  /** The same for a partner client, on a partner route (docs/partner-clients.md). */
  assertPartnerMayActOn?(caller: PartnerCaller, params: Readonly<Record<string, string>>): Promise<void>;
}

/** Said by a route whose resource any caller with the route's role may act on (administrators' records). */
export const ROLE_IS_ENOUGH = 'role-is-enough';

export type BodyAfterCheck = Type<ResourceCheck> | typeof ROLE_IS_ENOUGH;

/**
 * The access guard runs `check` after authentication and the CSRF check and before any byte of the
 * body is read (docs/architecture.md, "HTTP conventions"). Every route that takes a body and names
 * a resource in its path declares one.
 */
export const BodyAfter = (check: BodyAfterCheck): MethodDecorator & ClassDecorator =>
  SetMetadata(BODY_AFTER, check);

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route that may take a body and whose path names a resource (`:id`, `:code`, ...). */
export const takesBodyForResource = (route: { method: string; path: string }): boolean =>
  BODY_METHODS.has(route.method) && route.path.includes('/:');
