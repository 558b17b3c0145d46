import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { DEMO_ACCOUNTS, newCitizen } from './support/accounts';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const EVIL = 'http://evil.example';

const sessionCookieOf = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith('onegate_session='));

/**
 * Login CSRF: another site must not be able to sign a visitor's browser in to an account of its
 * choosing. Every route that sets the session cookie takes only same-origin requests: JSON with
 * OneGate's own Origin, or OneGate's own form with its CSRF token.
 */
describe(`sign-in from other sites (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let api: string;
  let credentials: { username: string; password: string };

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, authRateLimit: 10_000 }),
    });
    api = stack.apiUrl;
    credentials = { username: DEMO_ACCOUNTS.citizen, password: stack.config.demoPassword! };
  });

  afterAll(() => stack?.stop());

  describe('POST /api/auth/session', () => {
    const open = (headers: Record<string, string>, body: string) =>
      fetch(`${api}/api/auth/session`, { method: 'POST', headers, body });
    const json = () => JSON.stringify(credentials);
    const form = () => new URLSearchParams(credentials).toString();

    it('refuses a form post from another site, with the right password, and sets no cookie', async () => {
      const response = await open(
        { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL },
        form(),
      );
      expect(response.status).toBe(415);
      expect(((await response.json()) as { message: string }).message).toMatch(/application\/json/);
      expect(sessionCookieOf(response)).toBeUndefined();
    });

    it('refuses anything but JSON, even from its own origin', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
        const response = await open({ 'content-type': type, origin: api }, form());
        expect(response.status, type).toBe(415);
        expect(sessionCookieOf(response), type).toBeUndefined();
      }
    });

    it('refuses JSON from another origin, or with neither Origin nor a same-origin Sec-Fetch-Site', async () => {
      const refused: Record<string, string>[] = [
        { origin: EVIL },
        { origin: 'null' },
        {},
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of refused) {
        const response = await open({ 'content-type': 'application/json', ...headers }, json());
        const label = JSON.stringify(headers);
        expect(response.status, label).toBe(403);
        expect(((await response.json()) as { message: string }).message, label).toMatch(/Origin/);
        expect(sessionCookieOf(response), label).toBeUndefined();
      }
    });

    it('opens the session for JSON from its own origin, its public address or a same-origin fetch', async () => {
      const accepted: Record<string, string>[] = [
        { origin: api },
        { origin: stack.config.publicUrl },
        { 'sec-fetch-site': 'same-origin' },
      ];
      for (const headers of accepted) {
        const response = await open({ 'content-type': 'application/json', ...headers }, json());
        expect(response.status, JSON.stringify(headers)).toBe(200);
        expect(sessionCookieOf(response)).toMatch(/HttpOnly/i);
      }
    });
  });

  describe('the sign-in and sign-up forms', () => {
    /** The form page as a browser loads it: its form cookie, and the token the form carries. */
    async function loadForm(path: string): Promise<{ cookie: string; token: string }> {
      const page = await fetch(`${api}${path}`);
      const cookie = page.headers
        .getSetCookie()
        .map((setCookie) => setCookie.split(';')[0])
        .join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      return { cookie, token };
    }

    const post = async (path: string, fields: Record<string, string>, headers: Record<string, string>) => {
      const { cookie, token } = await loadForm(path);
      return fetch(`${api}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
        body: new URLSearchParams({ _csrf: token, ...fields }),
      });
    };

    it('refuses the sign-in form posted from another site, even with a valid form token', async () => {
      const foreign: Record<string, string>[] = [
        { origin: EVIL },
        { 'sec-fetch-site': 'cross-site' },
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
        {},
      ];
      for (const headers of foreign) {
        const response = await post('/sign-in', credentials, headers);
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(sessionCookieOf(response)).toBeUndefined();
      }
    });

    it('refuses the sign-up form posted from another site', async () => {
      const citizen = newCitizen();
      const response = await post(
        '/sign-up',
        { ...citizen, passwordConfirmation: citizen.password } as Record<string, string>,
        { origin: EVIL },
      );
      expect(response.status).toBe(403);
      expect(sessionCookieOf(response)).toBeUndefined();
    });

    it('signs in through its own form, and still demands the form token there', async () => {
      // Its pages are served with Referrer-Policy: no-referrer, under which browsers send Origin: null.
      const own: Record<string, string>[] = [
        { origin: api, 'sec-fetch-site': 'same-origin' },
        { origin: 'null', 'sec-fetch-site': 'same-origin' },
      ];
      for (const headers of own) {
        const signedIn = await post('/sign-in', credentials, headers);
        expect(signedIn.status, JSON.stringify(headers)).toBe(303);
        expect(sessionCookieOf(signedIn)).toMatch(/HttpOnly/i);
      }

      const { cookie } = await loadForm('/sign-in');
      const withoutToken = await fetch(`${api}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: api },
        body: new URLSearchParams(credentials),
      });
      expect(withoutToken.status).toBe(400);
      expect(sessionCookieOf(withoutToken)).toBeUndefined();
    });
  });
});
