import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';

import type { Role } from '@onegate/domain';

/** Who is calling, as established by the access guard for every authenticated request. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  agencyId: string | null;
  /** The sign-in (refresh-token family) this request belongs to; signing out revokes it. */
  sessionId: string;
  /** How the identity arrived: a bearer token (API) or the session cookie (web pages). */
  via: 'bearer' | 'cookie';
  channel: 'api' | 'web';
  /** Whether the account's e-mail address is verified; a citizen's must be before they submit. */
  emailVerified: boolean;
  /** An administrator set the password: nothing but changing it (or signing out) is allowed. */
  passwordChangeDue: boolean;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
