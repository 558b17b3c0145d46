import { describe, expect, it } from 'vitest';

import { csrfTokenFor, isCsrfTokenValid, maskedToken, unmaskedToken } from './session-cookies';

describe('CSRF tokens', () => {
  it('accept the token of the same session only', () => {
    const token = csrfTokenFor('session-a', 'secret');
    expect(isCsrfTokenValid(token, 'session-a', 'secret')).toBe(true);
    expect(isCsrfTokenValid(token, 'session-b', 'secret')).toBe(false);
    expect(isCsrfTokenValid(token, 'session-a', 'other secret')).toBe(false);
    expect(isCsrfTokenValid(undefined, 'session-a', 'secret')).toBe(false);
    expect(isCsrfTokenValid('short', 'session-a', 'secret')).toBe(false);
  });

  it('accept a token masked afresh for each page, and refuse one whose mask was tampered with', () => {
    const token = csrfTokenFor('session-a', 'secret');
    const [one, two] = [maskedToken(token), maskedToken(token)];
    expect(one).not.toBe(two);
    expect(one).not.toContain(token);
    expect(unmaskedToken(one)).toBe(token);
    expect(isCsrfTokenValid(one, 'session-a', 'secret')).toBe(true);
    expect(isCsrfTokenValid(two, 'session-a', 'secret')).toBe(true);
    expect(isCsrfTokenValid(one, 'session-b', 'secret')).toBe(false);
    const tampered = (one[0] === 'A' ? 'B' : 'A') + one.slice(1);
    expect(isCsrfTokenValid(tampered, 'session-a', 'secret')).toBe(false);
  });
});
