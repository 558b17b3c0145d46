import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { AuditEvent } from '@onegate/persistence';

import { bearer, createStaff, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { linksMailedTo, tokenMailedTo } from './support/mailed-links';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const HOUR = 3_600_000;

describe(`accounts that can recover (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let admin: Tokens;

  const post = (path: string, body: unknown, tokens?: Tokens) =>
    request(`${stack.apiUrl}${path}`, { method: 'POST', body, headers: tokens ? bearer(tokens) : {} });
  const me = (tokens: Tokens) => request(`${stack.apiUrl}/api/me`, { headers: bearer(tokens) });

  /** A complete household registration draft of this citizen, ready to submit. */
  async function readyDraft(tokens: Tokens): Promise<string> {
    const draft = await apps.create(tokens, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status).toBe(201);
    expect((await apps.upload(tokens, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    return draft.body.id;
  }

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  });

  afterAll(async () => {
    stack.freezeClock(null);
    await stack?.stop();
    await catcher?.stop();
  });

  describe('e-mail verification at sign-up', () => {
    it('lets a new citizen draft but submit only once the mailed link is opened, once', async () => {
      const citizen = newCitizen();
      const registered = await post('/api/auth/register', citizen);
      expect(registered.status).toBe(201);
      const tokens = registered.body as unknown as Tokens;
      expect((await me(tokens)).body).toMatchObject({ emailVerified: false });

      const id = await readyDraft(tokens);
      const early = await apps.act(tokens, id, 'submit');
      expect(early.status).toBe(403);
      expect(early.body).toMatchObject({ code: 'email_not_verified' });

      const token = await tokenMailedTo(catcher, citizen.email, '/verify-email');
      expect((await post('/api/auth/verify-email', { token })).status).toBe(204);
      expect((await me(tokens)).body).toMatchObject({ emailVerified: true });
      expect((await apps.act(tokens, id, 'submit')).status).toBe(200);

      const again = await post('/api/auth/verify-email', { token });
      expect(again.status).toBe(400);
      expect(again.body.details).toEqual([{ field: 'token', problems: expect.any(Array) }]);
    });

    it('mails a new link on request, and refuses one opened after it expired', async () => {
      const citizen = newCitizen();
      const tokens = (await post('/api/auth/register', citizen)).body as unknown as Tokens;
      const first = await tokenMailedTo(catcher, citizen.email, '/verify-email');
      expect((await post('/api/me/verification-mail', {}, tokens)).status).toBe(202);
      const second = await tokenMailedTo(catcher, citizen.email, '/verify-email', 1);
      expect(second).not.toBe(first);
      // The newer link replaces the older one.
      expect((await post('/api/auth/verify-email', { token: first })).status).toBe(400);

      stack.freezeClock(new Date(Date.now() + stack.config.emailVerificationMs + HOUR));
      try {
        expect((await post('/api/auth/verify-email', { token: second })).status).toBe(400);
      } finally {
        stack.freezeClock(null);
      }
      expect((await me(tokens)).body).toMatchObject({ emailVerified: false });
    });

    it('counts the demo accounts as verified', async () => {
      const citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
      expect((await me(citizen)).body).toMatchObject({ emailVerified: true });
      expect((await post('/api/me/verification-mail', {}, citizen)).status).toBe(409);
    });

    it('changes the e-mail address only once the new one is verified', async () => {
      const citizen = newCitizen();
      const tokens = (await post('/api/auth/register', citizen)).body as unknown as Tokens;
      const newAddress = `moved-${citizen.email}`;
      const patched = await request(`${stack.apiUrl}/api/me`, {
        method: 'PATCH',
        headers: bearer(tokens),
        body: { email: newAddress, fullName: 'Trần Thị Bình An' },
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        email: citizen.email,
        fullName: 'Trần Thị Bình An',
        pendingEmail: newAddress,
      });
      const token = await tokenMailedTo(catcher, newAddress, '/verify-email');
      expect((await post('/api/auth/verify-email', { token })).status).toBe(204);
      expect((await me(tokens)).body).toMatchObject({ email: newAddress, emailVerified: true });
    });
  });

  describe('forgotten password', () => {
    it('answers the same for an unknown address as for a known one', async () => {
      const known = await post('/api/auth/forgot-password', { email: DEMO_ACCOUNTS.citizen });
      const unknown = await post('/api/auth/forgot-password', { email: 'nobody-here@example.vn' });
      expect(unknown.status).toBe(202);
      expect({ status: unknown.status, body: unknown.body }).toEqual({
        status: known.status,
        body: known.body,
      });
      await tokenMailedTo(catcher, DEMO_ACCOUNTS.citizen, '/reset-password');
      expect(catcher.to('nobody-here@example.vn')).toEqual([]);
    });

    it('resets the password once with the link, signing the account out everywhere', async () => {
      const citizen = newCitizen();
      const tokens = (await post('/api/auth/register', citizen)).body as unknown as Tokens;
      const elsewhere = await signIn(stack.apiUrl, citizen.email, citizen.password);
      expect((await post('/api/auth/forgot-password', { email: citizen.email })).status).toBe(202);
      const token = await tokenMailedTo(catcher, citizen.email, '/reset-password');

      const weak = await post('/api/auth/reset-password', { token, password: 'password123' });
      expect(weak.status).toBe(400);
      expect(weak.body.details).toEqual([{ field: 'password', problems: expect.any(Array) }]);

      const newPassword = 'Tide at Bai Chay pier';
      expect((await post('/api/auth/reset-password', { token, password: newPassword })).status).toBe(204);
      expect((await me(tokens)).status).toBe(401);
      expect((await me(elsewhere)).status).toBe(401);
      expect((await post('/api/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
      await signIn(stack.apiUrl, citizen.email, newPassword);
      const reused = await post('/api/auth/reset-password', { token, password: 'Another long phrase here' });
      expect(reused.status).toBe(400);

      const audited = await stack.apiDataSource.getRepository(AuditEvent).findBy({
        type: 'password_reset',
        subjectId: (await me(await signIn(stack.apiUrl, citizen.email, newPassword))).body.id as string,
      });
      expect(audited).toHaveLength(1);
    });

    it('refuses a reset link after 30 minutes', async () => {
      const citizen = newCitizen();
      await post('/api/auth/register', citizen);
      await post('/api/auth/forgot-password', { email: citizen.email });
      const token = await tokenMailedTo(catcher, citizen.email, '/reset-password');
      stack.freezeClock(new Date(Date.now() + 31 * 60_000));
      try {
        const late = await post('/api/auth/reset-password', { token, password: 'Tide at Bai Chay pier' });
        expect(late.status).toBe(400);
      } finally {
        stack.freezeClock(null);
      }
      await signIn(stack.apiUrl, citizen.email, citizen.password);
      expect(await linksMailedTo(catcher, citizen.email, '/reset-password')).toBe(1);
    });
  });

  describe('changing the password', () => {
    it('needs the current password and signs out the other sessions only', async () => {
      const citizen = newCitizen();
      const tokens = (await post('/api/auth/register', citizen)).body as unknown as Tokens;
      const elsewhere = await signIn(stack.apiUrl, citizen.email, citizen.password);
      const wrong = await post(
        '/api/me/password',
        { currentPassword: 'not the password', newPassword: 'Tide at Bai Chay pier' },
        tokens,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([{ field: 'currentPassword', problems: expect.any(Array) }]);
      const changed = await post(
        '/api/me/password',
        { currentPassword: citizen.password, newPassword: 'Tide at Bai Chay pier' },
        tokens,
      );
      expect(changed.status).toBe(204);
      expect((await me(tokens)).status).toBe(200);
      expect((await me(elsewhere)).status).toBe(401);
    });
  });

  describe('a staff account’s first sign-in', () => {
    it('allows nothing but the password change and signing out until the password is changed', async () => {
      const email = 'lan.first@qn.gov.vn';
      const firstPassword = 'Handed over at the desk';
      const created = await post(
        '/api/admin/users',
        { email, fullName: 'Phạm Thị Lan', role: 'clerk', agencyCode: 'QN-HL', password: firstPassword },
        admin,
      );
      expect(created.status).toBe(201);
      const clerk = await signIn(stack.apiUrl, email, firstPassword);
      const queue = await request(`${stack.apiUrl}/api/applications`, { headers: bearer(clerk) });
      expect(queue.status).toBe(403);
      expect(queue.body).toMatchObject({ code: 'password_change_required' });
      expect((await me(clerk)).body).toMatchObject({ code: 'password_change_required' });

      const page = await fetch(`${stack.apiUrl}/staff/queue`, {
        headers: { accept: 'text/html', authorization: `Bearer ${clerk.accessToken}` },
        redirect: 'manual',
      });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/account/password');

      const changed = await post(
        '/api/me/password',
        { currentPassword: firstPassword, newPassword: 'My own desk phrase 2026' },
        clerk,
      );
      expect(changed.status).toBe(204);
      expect((await request(`${stack.apiUrl}/api/applications`, { headers: bearer(clerk) })).status).toBe(
        200,
      );
    });

    it('asks again after an administrator resets the password', async () => {
      const staff = {
        email: 'reset.again@qn.gov.vn',
        fullName: 'Vũ Văn Hải',
        role: 'clerk' as const,
        agencyCode: 'QN-HL',
        password: 'Harbour lights at night',
      };
      const before = await createStaff(stack.apiUrl, admin, staff);
      const { id } = (await me(before)).body as { id: string };
      const reset = await request(`${stack.apiUrl}/api/admin/users/${id}`, {
        method: 'PATCH',
        headers: bearer(admin),
        body: { password: 'Temporary desk phrase' },
      });
      expect(reset.status).toBe(200);
      expect((await me(before)).status).toBe(401);
      const after = await signIn(stack.apiUrl, staff.email, 'Temporary desk phrase');
      expect((await me(after)).body).toMatchObject({ code: 'password_change_required' });
      expect((await post('/api/auth/logout', {}, after)).status).toBe(204);
    });
  });
});
