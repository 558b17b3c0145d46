import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { confirmOnlinePayment } from './support/payments';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const FORM = 'application/x-www-form-urlencoded';
const CODE = /^QN-HL-\d{6}-\d{4}$/;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

interface Citizen {
  tokens: Tokens;
  session: string;
  email: string;
  nationalId: string;
  password: string;
}

/**
 * A code at submission and nothing typed is lost (docs/portal.md, "Drafts"; docs/applications.md,
 * "Receipt codes" and "Drafts"): the code, its e-mail, list and tracking before reception; autosave; a
 * form posted after the session ended; the untouched draft reused; deleting drafts.
 */
describe(`submission code and drafts (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let catcher: SmtpCatcher;
  let apps: ApplicationsClient;
  let clerk: Tokens;
  let citizen: Citizen;
  let other: Citizen;

  async function register(): Promise<Citizen> {
    const account = newCitizen();
    const tokens = await registerVerified(stack.apiUrl, catcher, account);
    return {
      tokens,
      session: `onegate_session=${tokens.accessToken}`,
      email: account.email,
      nationalId: account.nationalId,
      password: account.password,
    };
  }

  const page = (who: Citizen, path: string) =>
    fetch(`${stack.apiUrl}${path}`, { redirect: 'manual', headers: { cookie: who.session } });
  const csrfFor = async (who: Citizen) => csrfOf(await (await page(who, '/my/applications')).text());
  const postForm = async (who: Citizen, path: string, fields: Record<string, string> = {}) =>
    fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': FORM, origin: stack.apiUrl, cookie: who.session },
      body: new URLSearchParams({ _csrf: await csrfFor(who), ...fields }).toString(),
    });
  const autosave = (who: Citizen, id: string, body: unknown, csrf: string | null) =>
    fetch(`${stack.apiUrl}/my/applications/${id}/edit/autosave`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: who.session,
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: JSON.stringify(body),
    });

  /** A draft with its whole form and its document, ready to submit. */
  async function readyDraft(who: Citizen): Promise<string> {
    const draft = await apps.create(who.tokens, HOUSEHOLD, { ...HOUSEHOLD_FORM, nationalId: who.nationalId });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await apps.upload(who.tokens, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    return draft.body.id;
  }

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    citizen = await register();
    other = await register();
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  describe('a code at submission', () => {
    let id: string;
    let code: string;

    beforeAll(async () => {
      id = await readyDraft(citizen);
      const csrf = await csrfFor(citizen);
      const form = new FormData();
      form.append('_csrf', csrf);
      for (const [name, value] of Object.entries({ ...HOUSEHOLD_FORM, nationalId: citizen.nationalId }))
        form.append(name, String(value));
      form.append('intent', 'submit');
      const submitted = await fetch(`${stack.apiUrl}/my/applications/${id}/edit`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: citizen.session, origin: stack.apiUrl },
        body: form,
      });
      expect(submitted.status, await submitted.text()).toBe(303);
      expect(submitted.headers.get('location')).toBe(`/my/applications/${id}?notice=submitted`);
      code = (await apps.get(citizen.tokens, id)).body.code!;
    });

    it('gives the competent agency’s code at submission, shown on the confirmation page', async () => {
      expect(code).toMatch(CODE);
      const confirmation = await (await page(citizen, `/my/applications/${id}?notice=submitted`)).text();
      expect(confirmation).toContain('govuk-panel--confirmation');
      expect(confirmation).toContain(`<strong id="submission-code">${code}</strong>`);
      expect(confirmation).toContain('Tính từ khi tiếp nhận');
    });

    it('returns the code in the API’s answer to submit', async () => {
      const other = await readyDraft(citizen);
      const submitted = await apps.act(citizen.tokens, other, 'submit');
      expect(submitted.status).toBe(200);
      expect(submitted.body.code).toMatch(CODE);
      expect(submitted.body.code).not.toBe(code);
    });

    it('lists the file by its code, due "counted from reception"', async () => {
      const list = await (await page(citizen, '/my/applications')).text();
      const row = new RegExp(
        `href="/my/applications/${id}">${code}</a>[\\s\\S]*?Tính từ khi tiếp nhận[\\s\\S]*?</tr>`,
      );
      expect(list).toMatch(row);
    });

    it('mails an acknowledgement with the code and a link to the file’s page', async () => {
      const mail = await eventually(async () =>
        catcher.to(citizen.email).find((caught) => caught.subject.includes(code)),
      );
      expect(mail.subject).toBe(`Hồ sơ ${code} đã được nộp`);
      expect(mail.text).toContain(`Mã hồ sơ: ${code}`);
      expect(mail.text).toContain(`${stack.config.publicUrl}/my/applications/${id}`);
      expect(mail.html).toContain(`href="${stack.config.publicUrl}/my/applications/${id}"`);
      expect(mail.text).toContain('tính từ khi tiếp nhận');
    });

    it('is tracked by that code before reception, and keeps it at reception', async () => {
      const form = await fetch(`${stack.apiUrl}/track`);
      const visitor = cookiesOf(form);
      const track = () =>
        fetch(`${stack.apiUrl}/track`, {
          method: 'POST',
          headers: { 'content-type': FORM, origin: stack.apiUrl, cookie: visitor },
          body: new URLSearchParams({
            _csrf: csrfOf(html),
            code,
            nationalId: citizen.nationalId,
          }).toString(),
        });
      const html = await form.text();
      const before = await track();
      expect(before.status).toBe(200);
      const tracked = await before.text();
      expect(tracked).toContain(`<h2 class="govuk-heading-m">${code}</h2>`);
      expect(tracked).toContain('Tính từ khi tiếp nhận');

      const received = await apps.act(clerk, id, 'receive');
      expect(received.status).toBe(200);
      expect(received.body.code).toBe(code);
      const after = await (await track()).text();
      expect(after).not.toContain('Tính từ khi tiếp nhận');
      expect(after).toContain('Đã tiếp nhận');
    });
  });

  describe('autosave', () => {
    it('saves the answers sent as JSON with the CSRF token in the header', async () => {
      const id = (await apps.create(citizen.tokens, HOUSEHOLD, {})).body.id;
      const csrf = await csrfFor(citizen);
      const saved = await autosave(
        citizen,
        id,
        { answers: { businessName: 'Quán Hạ Long', capital: '12 000' } },
        csrf,
      );
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ version: 2 });
      expect((await apps.get(citizen.tokens, id)).body.formData).toMatchObject({
        businessName: 'Quán Hạ Long',
        capital: 12_000,
      });
      expect((await autosave(citizen, id, { answers: { businessName: 'x' } }, null)).status).toBe(403);
      const bad = await autosave(citizen, id, { answers: ['x'] }, csrf);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('answers');
      expect((await autosave(other, id, { answers: {} }, await csrfFor(other))).status).toBe(404);
    });

    it('refuses a file that is no longer a draft', async () => {
      const id = await readyDraft(citizen);
      expect((await apps.act(citizen.tokens, id, 'submit')).status).toBe(200);
      const refused = await autosave(citizen, id, { answers: { businessName: 'x' } }, await csrfFor(citizen));
      expect(refused.status).toBe(409);
    });
  });

  describe('a form posted after the session ended', () => {
    async function expiredPost(id: string) {
      const form = new FormData();
      form.append('_csrf', 'of-the-old-session');
      form.append('fullName', 'Nguyễn Văn Giữ');
      form.append('businessName', 'Tiệm sách <Bình An>');
      form.append('document-0', new Blob([]), '');
      form.append('intent', 'save');
      return fetch(`${stack.apiUrl}/my/applications/${id}/edit`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: 'onegate_session=expired', origin: stack.apiUrl, accept: 'text/html' },
        body: form,
      });
    }

    async function signInAgain(expired: Response, who: Citizen) {
      const html = await expired.text();
      const fields: Record<string, string> = { username: who.email, password: who.password };
      for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
        fields[name!] = value!
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&#x3D;/g, '=');
      return fetch(`${stack.apiUrl}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': FORM, origin: stack.apiUrl, cookie: cookiesOf(expired) },
        body: new URLSearchParams(fields).toString(),
      });
    }

    it('says so, keeps the answers in the sign-in form, and saves them once signed in again', async () => {
      const id = (await apps.create(citizen.tokens, HOUSEHOLD, {})).body.id;
      const expired = await expiredPost(id);
      expect(expired.status).toBe(401);
      const html = await expired.clone().text();
      expect(html).toContain('id="session-expired"');
      expect(html).toContain(`name="next" value="/my/applications/${id}/edit"`);
      expect(html).toContain('name="kept.businessName" value="Tiệm sách &lt;Bình An&gt;"');
      expect(html).not.toContain('of-the-old-session');

      const signedIn = await signInAgain(expired, citizen);
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe(`/my/applications/${id}/edit?notice=answersKept`);
      expect((await apps.get(citizen.tokens, id)).body.formData).toMatchObject({
        fullName: 'Nguyễn Văn Giữ',
        businessName: 'Tiệm sách <Bình An>',
      });
    });

    it('keeps nothing for someone else signing in, who goes to their own home', async () => {
      const id = (await apps.create(citizen.tokens, HOUSEHOLD, {})).body.id;
      const signedIn = await signInAgain(await expiredPost(id), other);
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/my/applications');
      expect((await apps.get(citizen.tokens, id)).body.formData).toEqual({});
    });

    it('sends a GET of a page to sign in with that page as next, and other posts home', async () => {
      const get = await fetch(`${stack.apiUrl}/my/applications`, {
        redirect: 'manual',
        headers: { cookie: 'onegate_session=expired', accept: 'text/html' },
      });
      expect(get.headers.get('location')).toBe('/sign-in?next=%2Fmy%2Fapplications');
    });
  });

  describe('drafts', () => {
    const apply = async (who: Citizen) => {
      const applied = await postForm(who, `/procedures/${HOUSEHOLD}/apply`);
      expect(applied.status).toBe(303);
      const location = applied.headers.get('location')!;
      return { id: /\/my\/applications\/([^/]+)\/edit/.exec(location)![1]!, location };
    };

    it('reopens an untouched draft of the same procedure instead of starting another', async () => {
      const first = await apply(other);
      expect(first.location).toContain('notice=draftCreated');
      const again = await apply(other);
      expect(again.id).toBe(first.id);
      expect(again.location).toContain('notice=draftReopened');

      const csrf = await csrfFor(other);
      expect((await autosave(other, first.id, { answers: { businessName: 'Đã khai' } }, csrf)).status).toBe(
        200,
      );
      const third = await apply(other);
      expect(third.id).not.toBe(first.id);
      expect(third.location).toContain('notice=draftCreated');
    });

    it('deletes a draft after its confirmation page, with its documents', async () => {
      const id = await readyDraft(citizen);
      const file = await (await page(citizen, `/my/applications/${id}`)).text();
      expect(file).toContain(`href="/my/applications/${id}/delete"`);
      const confirmation = await page(citizen, `/my/applications/${id}/delete`);
      expect(confirmation.status).toBe(200);
      expect(await confirmation.text()).toContain(`action="/my/applications/${id}/delete"`);
      expect((await apps.get(citizen.tokens, id)).status).toBe(200);

      expect((await postForm(other, `/my/applications/${id}/delete`)).status).toBe(404);
      expect((await page(other, `/my/applications/${id}/delete`)).status).toBe(404);

      const deleted = await postForm(citizen, `/my/applications/${id}/delete`);
      expect(deleted.status).toBe(303);
      expect(deleted.headers.get('location')).toBe('/my/applications?notice=draftDeleted');
      expect((await apps.get(citizen.tokens, id)).status).toBe(404);
    });

    it('refuses to delete a file that is not a draft, or a draft whose payment is kept', async () => {
      const submitted = await readyDraft(citizen);
      expect((await apps.act(citizen.tokens, submitted, 'submit')).status).toBe(200);
      const away = await page(citizen, `/my/applications/${submitted}/delete`);
      expect(away.status).toBe(303);
      expect(away.headers.get('location')).toBe(`/my/applications/${submitted}`);
      expect((await postForm(citizen, `/my/applications/${submitted}/delete`)).status).toBe(409);
      expect((await apps.get(citizen.tokens, submitted)).body.state).toBe('submitted');

      const paid = await readyDraft(citizen);
      await confirmOnlinePayment(stack, paid, 'PG-7');
      const explained = await (await page(citizen, `/my/applications/${paid}/delete`)).text();
      expect(explained).toContain('id="draft-kept"');
      expect(explained).not.toContain(`action="/my/applications/${paid}/delete"`);
      const refused = await postForm(citizen, `/my/applications/${paid}/delete`);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('govuk-error-summary');
      expect((await apps.get(citizen.tokens, paid)).body.state).toBe('draft');
    });
  });
});
