import type { AuthenticatedUser, PartnerCaller } from '@onegate/access';

/**
 * The staff member a partner client stands in for when it reuses a service written for people: a unit
 * (role and agency) of its own agencies, with the client's id as the one who acted (docs/partner-clients.md).
 */
export const actingAs = (
  caller: PartnerCaller,
  role: 'clerk' | 'supervisor',
  agencyId: string,
): AuthenticatedUser => ({
  id: caller.clientId,
  role,
  agencyId,
  sessionId: caller.clientId,
  via: 'bearer',
  channel: 'api',
  emailVerified: true,
  passwordChangeDue: false,
});
