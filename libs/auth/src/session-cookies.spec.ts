import { describe, expect, it } from 'vitest';

import { csrfTokenFor, isCsrfTokenValid } from './session-cookies';

describe('CSRF tokens', () => {
  it('accept the token of the same session only', () => {
    const token = csrfTokenFor('session-a', 'secret');
    expect(isCsrfTokenValid(token, 'session-a', 'secret')).toBe(true);
    expect(isCsrfTokenValid(token, 'session-b', 'secret')).toBe(false);
    expect(isCsrfTokenValid(token, 'session-a', 'other secret')).toBe(false);
    expect(isCsrfTokenValid(undefined, 'session-a', 'secret')).toBe(false);
    expect(isCsrfTokenValid('short', 'session-a', 'secret')).toBe(false);
  });
});
