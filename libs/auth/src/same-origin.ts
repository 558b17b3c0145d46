import type { Request } from 'express';

import type { AppConfig } from '@onegate/config';

export const FOREIGN_ORIGIN =
  'Signing in is accepted only from OneGate’s own pages: the Origin header is missing or names another site';

/**
 * Whether a browser sent this request from one of OneGate's own pages (docs/identity.md): its
 * `Origin` is the public address, the address it was sent to, or a configured CORS origin; without
 * an `Origin`, or with `Origin: null`, `Sec-Fetch-Site` must say `same-origin`. A request with neither proves nothing and
 * is refused, so another site cannot sign a visitor in to an account of its choosing.
 */
export function isSameOriginRequest(request: Request, config: AppConfig): boolean {
  const origin = request.header('origin');
  // Under `Referrer-Policy: no-referrer` (the pages' policy) browsers post forms with `Origin: null`.
  if (origin === undefined || origin === 'null') return request.header('sec-fetch-site') === 'same-origin';
  const own = [new URL(config.publicUrl).origin, `${request.protocol}://${request.header('host') ?? ''}`];
  return [...own, ...config.corsOrigins].includes(origin);
}
