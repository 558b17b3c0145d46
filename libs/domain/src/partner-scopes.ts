/** What a partner client may be allowed to do (docs/partner-clients.md). */
export const PARTNER_SCOPES = ['files:read', 'steps:act', 'reports:read'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];
