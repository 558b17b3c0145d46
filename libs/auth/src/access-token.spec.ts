import { describe, expect, it } from 'vitest';

import { hasIssuableClaims } from './access-token';

const NOW = 1_800_000_000;
/** The lifetimes OneGate is configured with by default: 15 minutes for the API, 12 hours for the web. */
const DEFAULTS = { apiSeconds: 15 * 60, webSeconds: 12 * 3600 };
const api = { sub: 'user', sid: 'session', ch: 'api' as const };

describe('hasIssuableClaims', () => {
  it('accepts the claims OneGate signs, and allows 30 seconds of clock difference', () => {
    expect(hasIssuableClaims({ ...api, iat: NOW, exp: NOW + 900 }, NOW, DEFAULTS)).toBe(true);
    expect(hasIssuableClaims({ ...api, iat: NOW + 30, exp: NOW + 930 }, NOW, DEFAULTS)).toBe(true);
    expect(hasIssuableClaims({ ...api, ch: 'web', iat: NOW, exp: NOW + 12 * 3600 }, NOW, DEFAULTS)).toBe(
      true,
    );
  });

  it('refuses claims without an issue time, an expiry, a subject, a session or a known channel', () => {
    expect(hasIssuableClaims({ ...api, iat: NOW }, NOW, DEFAULTS)).toBe(false);
    expect(hasIssuableClaims({ ...api, exp: NOW + 900 }, NOW, DEFAULTS)).toBe(false);
    expect(hasIssuableClaims({ sid: 'session', ch: 'api', iat: NOW, exp: NOW + 900 }, NOW, DEFAULTS)).toBe(
      false,
    );
    expect(hasIssuableClaims({ sub: 'user', ch: 'api', iat: NOW, exp: NOW + 900 }, NOW, DEFAULTS)).toBe(
      false,
    );
    expect(hasIssuableClaims({ ...api, ch: 'admin' as never, iat: NOW, exp: NOW + 900 }, NOW, DEFAULTS)).toBe(
      false,
    );
  });

  it('refuses a lifetime longer than the channel’s, counted from issue or from now', () => {
    expect(hasIssuableClaims({ ...api, iat: NOW, exp: NOW + 931 }, NOW, DEFAULTS)).toBe(false);
    expect(hasIssuableClaims({ ...api, iat: NOW - 3600, exp: NOW + 60 }, NOW, DEFAULTS)).toBe(false);
    expect(hasIssuableClaims({ ...api, iat: NOW + 3600, exp: NOW + 3600 }, NOW, DEFAULTS)).toBe(false);
    expect(hasIssuableClaims({ ...api, iat: NOW, exp: NOW + 12 * 3600 }, NOW, DEFAULTS)).toBe(false);
  });
});
