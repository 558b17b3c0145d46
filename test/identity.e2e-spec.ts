import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditEvent } from '@onegate/persistence';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

describe(`identity and access (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let api: string;
  let password: string;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    api = stack.apiUrl;
    password = stack.config.demoPassword!;
  });

  afterAll(() => stack?.stop());

  const auditTypesOf = async (subjectId: string) =>
    (await stack.apiDataSource.getRepository(AuditEvent).findBy({ subjectId })).map((event) => event.type);

  describe('registration', () => {
    it('registers a citizen, signs them in, and shows them their own national ID', async () => {
      const citizen = newCitizen();
      const registered = await request<Tokens>(`${api}/api/auth/register`, { method: 'POST', body: citizen });
      expect(registered.status).toBe(201);
      expect(registered.body.expiresIn).toBe(900);
      const me = await request(`${api}/api/me`, { headers: bearer(registered.body) });
      expect(me.body).toMatchObject({
        nationalId: citizen.nationalId,
        email: citizen.email,
        phone: '+84912345678',
        role: 'citizen',
        language: 'vi',
        agencyCode: null,
      });
      expect(await auditTypesOf(String(me.body.id))).toContain('citizen_registered');
    });

    it('names each invalid field', async () => {
      const { status, body } = await request(`${api}/api/auth/register`, {
        method: 'POST',
        body: newCitizen({ nationalId: '12345', phone: '12345', email: 'nope', language: 'fr' }),
      });
      expect(status).toBe(400);
      const fields = (body.details as { field: string }[]).map((detail) => detail.field).sort();
      expect(fields).toEqual(['email', 'language', 'nationalId', 'phone']);
    });

    it('refuses short, common and personal passwords, naming the rule', async () => {
      for (const [weak, rule] of [
        ['short1', /at least 10/],
        ['password123', /too common/],
        ['binh-2026-binh', /must not contain/],
      ] as const) {
        const { status, body } = await request(`${api}/api/auth/register`, {
          method: 'POST',
          body: newCitizen({ password: weak, fullName: 'Trần Thị Bình' }),
        });
        expect(status, weak).toBe(400);
        expect(body.details).toEqual([
          { field: 'password', problems: expect.arrayContaining([expect.stringMatching(rule)]) },
        ]);
      }
    });

    it('refuses a second account with the same national ID or e-mail', async () => {
      const citizen = newCitizen();
      expect((await request(`${api}/api/auth/register`, { method: 'POST', body: citizen })).status).toBe(201);
      const sameId = await request(`${api}/api/auth/register`, {
        method: 'POST',
        body: { ...newCitizen(), nationalId: citizen.nationalId },
      });
      expect(sameId.status).toBe(409);
      const sameEmail = await request(`${api}/api/auth/register`, {
        method: 'POST',
        body: { ...newCitizen(), email: citizen.email.toUpperCase() },
      });
      expect(sameEmail.status).toBe(409);
    });
  });

  describe('sign-in and sessions', () => {
    it('signs in by e-mail or by national ID', async () => {
      expect((await signIn(api, DEMO_ACCOUNTS.citizen, password)).accessToken).toEqual(expect.any(String));
      expect((await signIn(api, '022090001234', password)).accessToken).toEqual(expect.any(String));
    });

    it('rotates refresh tokens, and revokes the whole family when a spent one comes back', async () => {
      const first = await signIn(api, DEMO_ACCOUNTS.citizen, password);
      const second = await request<Tokens>(`${api}/api/auth/refresh`, {
        method: 'POST',
        body: { refreshToken: first.refreshToken },
      });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await request(`${api}/api/me`, { headers: bearer(second.body) })).status).toBe(200);

      const replay = await request(`${api}/api/auth/refresh`, {
        method: 'POST',
        body: { refreshToken: first.refreshToken },
      });
      expect(replay.status).toBe(401);
      const afterReplay = await request(`${api}/api/auth/refresh`, {
        method: 'POST',
        body: { refreshToken: second.body.refreshToken },
      });
      expect(afterReplay.status).toBe(401);
      expect((await request(`${api}/api/me`, { headers: bearer(second.body) })).status).toBe(401);
      const reuses = await stack.apiDataSource
        .getRepository(AuditEvent)
        .countBy({ type: 'refresh_token_reused' });
      expect(reuses).toBeGreaterThan(0);
    });

    it('lets exactly one of two simultaneous refreshes with the same token win', async () => {
      const tokens = await signIn(api, DEMO_ACCOUNTS.clerk, password);
      const attempts = await Promise.all(
        [1, 2].map(() =>
          request(`${api}/api/auth/refresh`, { method: 'POST', body: { refreshToken: tokens.refreshToken } }),
        ),
      );
      expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 401]);
    });

    it('signs out: the access token stops working at once', async () => {
      const tokens = await signIn(api, DEMO_ACCOUNTS.supervisor, password);
      expect(
        (await request(`${api}/api/auth/logout`, { method: 'POST', headers: bearer(tokens) })).status,
      ).toBe(204);
      expect((await request(`${api}/api/me`, { headers: bearer(tokens) })).status).toBe(401);
      const refresh = await request(`${api}/api/auth/refresh`, {
        method: 'POST',
        body: { refreshToken: tokens.refreshToken },
      });
      expect(refresh.status).toBe(401);
    });

    it('answers an unknown account exactly like a wrong password', async () => {
      const unknown = await request(`${api}/api/auth/login`, {
        method: 'POST',
        body: { username: 'nobody@example.vn', password: 'whatever-123' },
      });
      const wrong = await request(`${api}/api/auth/login`, {
        method: 'POST',
        body: { username: DEMO_ACCOUNTS.admin, password: 'whatever-123' },
      });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body.message).toBe(wrong.body.message);
    });

    it('locks an account after five wrong passwords, even against the right one', async () => {
      const citizen = newCitizen();
      await request(`${api}/api/auth/register`, { method: 'POST', body: citizen });
      const attempt = (secret: string) =>
        request(`${api}/api/auth/login`, {
          method: 'POST',
          body: { username: citizen.email, password: secret },
        });
      for (let failure = 1; failure <= 5; failure++)
        expect((await attempt('wrong password!')).status).toBe(401);
      const sixth = await attempt(citizen.password);
      expect(sixth.status).toBe(401);
      const { body: page } = await request<{ items: { type: string }[] }>(
        `${api}/api/admin/audit?type=account_locked`,
        {
          headers: bearer(await signIn(api, DEMO_ACCOUNTS.admin, password)),
        },
      );
      expect(page.items.length).toBeGreaterThan(0);
    });

    it('names the missing sign-in fields', async () => {
      const { status, body } = await request(`${api}/api/auth/login`, {
        method: 'POST',
        body: { username: '' },
      });
      expect(status).toBe(400);
      expect((body.details as { field: string }[]).map((detail) => detail.field).sort()).toEqual([
        'password',
        'username',
      ]);
    });
  });

  describe('web session cookie', () => {
    const cookieHeader = (setCookies: string[]) =>
      setCookies.map((cookie) => cookie.split(';')[0]).join('; ');

    it('carries the identity in an httpOnly SameSite=Lax cookie and demands the CSRF token on changes', async () => {
      const opened = await fetch(`${api}/api/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: api },
        body: JSON.stringify({ username: DEMO_ACCOUNTS.citizen, password }),
      });
      expect(opened.status).toBe(200);
      const setCookies = opened.headers.getSetCookie();
      const session = setCookies.find((cookie) => cookie.startsWith('onegate_session='))!;
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      const { csrfToken } = (await opened.json()) as { csrfToken: string };
      const cookie = cookieHeader(setCookies);

      expect((await request(`${api}/api/me`, { headers: { cookie } })).status).toBe(200);
      const forged = await request(`${api}/api/me`, {
        method: 'PATCH',
        headers: { cookie },
        body: { language: 'en' },
      });
      expect(forged.status).toBe(403);
      const wrongToken = await request(`${api}/api/me`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrfToken.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')) },
        body: { language: 'en' },
      });
      expect(wrongToken.status).toBe(403);
      const genuine = await request(`${api}/api/me`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: { language: 'en' },
      });
      expect(genuine.status).toBe(200);
      expect(genuine.body.language).toBe('en');
      const formPost = await fetch(`${api}/api/me`, {
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfToken, language: 'vi' }),
      });
      expect(formPost.status).toBe(200);

      const closed = await request(`${api}/api/auth/session`, {
        method: 'DELETE',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(closed.status).toBe(204);
      expect((await request(`${api}/api/me`, { headers: { cookie } })).status).toBe(401);
    });

    it("signs out the same way from the portal's page and from the API: the session ends and the audit log says so", async () => {
      const citizen = newCitizen();
      const registered = await request<Tokens>(`${api}/api/auth/register`, { method: 'POST', body: citizen });
      const id = String((await request(`${api}/api/me`, { headers: bearer(registered.body) })).body.id);
      const loggedOut = await request(`${api}/api/auth/logout`, {
        method: 'POST',
        headers: bearer(registered.body),
      });
      expect(loggedOut.status).toBe(204);

      const opened = await fetch(`${api}/api/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: api },
        body: JSON.stringify({ username: citizen.email, password: citizen.password }),
      });
      const { csrfToken } = (await opened.json()) as { csrfToken: string };
      const cookie = cookieHeader(opened.headers.getSetCookie());
      const signedOut = await fetch(`${api}/sign-out`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfToken }),
      });
      expect(signedOut.status).toBe(303);
      expect(signedOut.headers.get('location')).toBe('/?notice=signedOut');
      expect((await request(`${api}/api/me`, { headers: { cookie } })).status).toBe(401);
      expect((await auditTypesOf(id)).filter((type) => type === 'signed_out')).toHaveLength(2);
    });
  });

  describe('staff administration', () => {
    let admin: Tokens;

    beforeAll(async () => {
      admin = await signIn(api, DEMO_ACCOUNTS.admin, password);
    });

    it('creates a clerk who can sign in, changes the role, then deactivates the account', async () => {
      const created = await request(`${api}/api/admin/users`, {
        method: 'POST',
        headers: bearer(admin),
        body: {
          email: 'New.Clerk@QN.gov.vn',
          fullName: 'Phạm Văn Cán Bộ',
          role: 'clerk',
          agencyCode: 'QN-STP',
          password: 'Justice desk 2026',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: 'new.clerk@qn.gov.vn',
        role: 'clerk',
        agencyCode: 'QN-STP',
        active: true,
      });
      const id = String(created.body.id);
      const clerk = await signIn(api, 'new.clerk@qn.gov.vn', 'Justice desk 2026');
      // The first password is the administrator's: its owner replaces it before anything else.
      const changed = await request(`${api}/api/me/password`, {
        method: 'POST',
        headers: bearer(clerk),
        body: { currentPassword: 'Justice desk 2026', newPassword: 'My own justice desk' },
      });
      expect(changed.status).toBe(204);

      const promoted = await request(`${api}/api/admin/users/${id}`, {
        method: 'PATCH',
        headers: bearer(admin),
        body: { role: 'supervisor' },
      });
      expect(promoted.body.role).toBe('supervisor');
      expect((await request<{ role: string }>(`${api}/api/me`, { headers: bearer(clerk) })).body.role).toBe(
        'supervisor',
      );

      const deactivated = await request(`${api}/api/admin/users/${id}`, {
        method: 'PATCH',
        headers: bearer(admin),
        body: { active: false },
      });
      expect(deactivated.body.active).toBe(false);
      expect((await request(`${api}/api/me`, { headers: bearer(clerk) })).status).toBe(401);
      await expect(signIn(api, 'new.clerk@qn.gov.vn', 'My own justice desk')).rejects.toThrow(/401/);
      expect(await auditTypesOf(id)).toEqual(
        expect.arrayContaining(['staff_created', 'role_changed', 'account_deactivated']),
      );
    });

    it('refuses unknown agencies, weak passwords, and citizen roles for staff', async () => {
      const attempt = (body: Record<string, unknown>) =>
        request(`${api}/api/admin/users`, {
          method: 'POST',
          headers: bearer(admin),
          body: {
            email: 'x@qn.gov.vn',
            fullName: 'X',
            role: 'clerk',
            agencyCode: 'QN',
            password: 'Long enough pass 1',
            ...body,
          },
        });
      expect((await attempt({ agencyCode: 'NOWHERE' })).body.details).toEqual([
        { field: 'agencyCode', problems: ['no agency NOWHERE'] },
      ]);
      expect((await attempt({ password: 'qwerty' })).status).toBe(400);
      expect((await attempt({ role: 'citizen' })).status).toBe(400);
    });

    it('does not let administrators lock themselves out', async () => {
      const me = await request(`${api}/api/me`, { headers: bearer(admin) });
      const { status } = await request(`${api}/api/admin/users/${me.body.id}`, {
        method: 'PATCH',
        headers: bearer(admin),
        body: { active: false },
      });
      expect(status).toBe(409);
    });

    it('shows staff a citizen’s national ID masked', async () => {
      const { body } = await request<{ items: { nationalId: string | null }[] }>(
        `${api}/api/admin/users?role=citizen&q=citizen%40demo`,
        {
          headers: bearer(admin),
        },
      );
      expect(body.items).toEqual([expect.objectContaining({ nationalId: '********1234' })]);
    });
  });

  describe('audit log', () => {
    it('is filtered by type and account for administrators', async () => {
      const admin = await signIn(api, DEMO_ACCOUNTS.admin, password);
      const me = await request(`${api}/api/me`, { headers: bearer(admin) });
      const { body } = await request<{ items: { type: string; subjectId: string }[] }>(
        `${api}/api/admin/audit?type=sign_in_succeeded&userId=${me.body.id}`,
        { headers: bearer(admin) },
      );
      expect(body.items.length).toBeGreaterThan(0);
      expect(
        body.items.every((event) => event.type === 'sign_in_succeeded' && event.subjectId === me.body.id),
      ).toBe(true);
    });

    it('cannot be updated or deleted, even by SQL typed by hand', async () => {
      const data = stack.apiDataSource;
      await expect(data.query(`UPDATE audit_events SET type = 'tampered'`)).rejects.toThrow(/append-only/);
      await expect(data.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      expect(await data.getRepository(AuditEvent).countBy({ type: 'tampered' as never })).toBe(0);
    });
  });
});
