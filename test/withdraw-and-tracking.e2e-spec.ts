import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { Application } from '@onegate/persistence';

import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';

const TRACKING_LIMIT = 6;
const APPLICANT_NATIONAL_ID = HOUSEHOLD_FORM.nationalId;
const FORM = 'application/x-www-form-urlencoded';

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/**
 * Steps that cannot be undone ask first (withdrawal has its own confirmation page), and the national
 * ID number of public tracking travels only in a form's body, never in a URL (docs/portal.md).
 */
describe(`withdrawal confirmation and tracking by form post (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let session: string;

  const page = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.apiUrl}${path}`, { redirect: 'manual', headers: { cookie: session, ...headers } });
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string>) =>
    fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': FORM, origin: stack.apiUrl, ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  async function submittedFile(): Promise<string> {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-21');
    expect((await apps.act(citizen, draft.body.id, 'submit')).status).toBe(200);
    return draft.body.id;
  }

  const stateOf = async (id: string) => (await apps.get(citizen, id)).body.state;
  const headingOf = async (id: string, language = 'vi') => {
    const html = await (
      await page(`/my/applications/${id}`, { cookie: `${session}; onegate_lang=${language}` })
    ).text();
    return /<h1[^>]*>([\s\S]*?)<\/h1>/
      .exec(html)![1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  };

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, authRateLimit: TRACKING_LIMIT }),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    session = `onegate_session=${citizen.accessToken}`;
  });

  afterAll(() => stack?.stop());

  describe('withdrawal', () => {
    it('leads from the file to a confirmation page, which withdraws nothing by being opened', async () => {
      const id = await submittedFile();
      const file = await (await page(`/my/applications/${id}`)).text();
      expect(file).toContain(`href="/my/applications/${id}/withdraw"`);
      expect(file).not.toContain(`action="/my/applications/${id}/withdraw"`);

      const confirmation = await page(`/my/applications/${id}/withdraw`);
      expect(confirmation.status).toBe(200);
      const html = await confirmation.text();
      expect(html).toContain('Rút hồ sơ này?');
      expect(html).toContain('Đăng ký thành lập hộ kinh doanh');
      // A submitted file is named by the code it was given at submission.
      expect(html).toContain((await apps.get(citizen, id)).body.code!);
      expect(html).toMatch(
        new RegExp(
          `<form method="post" action="/my/applications/${id}/withdraw">\\s*<input type="hidden" name="_csrf"`,
        ),
      );
      expect(html).toContain(`href="/my/applications/${id}"`);
      expect(await stateOf(id)).toBe('submitted');
    });

    it('withdraws on the confirmation’s post only, with the session’s CSRF token', async () => {
      const id = await submittedFile();
      const csrf = csrfOf(await (await page(`/my/applications/${id}/withdraw`)).text());
      const forged = await post(`/my/applications/${id}/withdraw`, { _csrf: 'forged' }, { cookie: session });
      expect(forged.status).toBe(403);
      expect(await stateOf(id)).toBe('submitted');

      const confirmed = await post(`/my/applications/${id}/withdraw`, { _csrf: csrf }, { cookie: session });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(`/my/applications/${id}?notice=withdrawn`);
      expect(await stateOf(id)).toBe('withdrawn');

      // A file past withdrawal goes back to its page; posting again is refused on the confirmation page.
      const again = await page(`/my/applications/${id}/withdraw`);
      expect(again.status).toBe(303);
      expect(again.headers.get('location')).toBe(`/my/applications/${id}`);
      const twice = await post(`/my/applications/${id}/withdraw`, { _csrf: csrf }, { cookie: session });
      expect(twice.status).toBe(409);
      expect(await twice.text()).toContain('govuk-error-summary');
    });

    it('heads a submitted file by its code, and one withdrawn without a code as withdrawn, in both languages', async () => {
      const submitted = await submittedFile();
      const code = (await apps.get(citizen, submitted)).body.code!;
      expect(await headingOf(submitted)).toBe(`${code} Đã nộp`);
      expect(await headingOf(submitted, 'en')).toBe(`${code} Submitted`);

      // A file submitted before codes were given at submission has none until reception.
      const id = await submittedFile();
      await stack.apiDataSource.getRepository(Application).update({ id }, { code: null });
      expect(await headingOf(id)).toBe('Hồ sơ chờ tiếp nhận Đã nộp');
      expect(await headingOf(id, 'en')).toBe('Application awaiting reception Submitted');
      expect((await apps.act(citizen, id, 'withdraw')).status).toBe(200);
      expect(await headingOf(id)).toBe('Hồ sơ đã rút Đã rút');
      expect(await headingOf(id, 'en')).toBe('Withdrawn application Withdrawn');
      const list = await (await page('/my/applications')).text();
      expect(list).toContain(`href="/my/applications/${id}">Hồ sơ đã rút</a>`);
    });
  });

  describe('public tracking', () => {
    let code: string;
    let visitor: string;
    let token: string;

    beforeAll(async () => {
      const id = await submittedFile();
      const received = await apps.act(clerk, id, 'receive');
      code = received.body.code!;
      const form = await fetch(`${stack.apiUrl}/track`);
      visitor = cookiesOf(form);
      token = csrfOf(await form.text());
    });

    const track = (fields: Record<string, string>) =>
      post('/track', { _csrf: token, ...fields }, { cookie: visitor });

    it('shows a file’s state from a form post with the public form token', async () => {
      const form = await (await fetch(`${stack.apiUrl}/track`)).text();
      expect(form).toMatch(
        /<form method="post" action="\/track" novalidate>\s*<input type="hidden" name="_csrf"/,
      );
      const found = await track({ code, nationalId: APPLICANT_NATIONAL_ID });
      expect(found.status).toBe(200);
      const html = await found.text();
      expect(html).toContain(`<h2 class="govuk-heading-m">${code}</h2>`);
      expect(html).toContain('Đã tiếp nhận');
      const wrong = await track({ code, nationalId: '022191004321' });
      expect(wrong.status).toBe(404);
      const invalid = await track({ code, nationalId: '123' });
      expect(invalid.status).toBe(400);
      expect(await invalid.text()).toContain('href="#nationalId"');
    });

    it('refuses a post without the form token, or from another site', async () => {
      const tokenless = await post(
        '/track',
        { code, nationalId: APPLICANT_NATIONAL_ID },
        { cookie: visitor },
      );
      expect(tokenless.status).toBe(400);
      const foreign = await post(
        '/track',
        { _csrf: token, code, nationalId: APPLICANT_NATIONAL_ID },
        { cookie: visitor, origin: 'http://evil.example' },
      );
      expect(foreign.status).toBe(403);
    });

    it('answers a GET with the old query with the empty form, looking nothing up and echoing no number', async () => {
      const old = await fetch(`${stack.apiUrl}/track?code=${code}&nationalId=${APPLICANT_NATIONAL_ID}`, {
        redirect: 'manual',
      });
      expect(old.status).toBe(303);
      expect(old.headers.get('location')).toBe('/track');
      expect(await old.text()).not.toContain(APPLICANT_NATIONAL_ID);
      const followed = await fetch(`${stack.apiUrl}/track?code=${code}&nationalId=${APPLICANT_NATIONAL_ID}`);
      expect(followed.status).toBe(200);
      expect(followed.url).toBe(`${stack.apiUrl}/track`);
      const html = await followed.text();
      expect(html).not.toContain(APPLICANT_NATIONAL_ID);
      expect(html).not.toContain(code);
      expect(html).not.toContain('Đã tiếp nhận');
    });

    it('takes the post from a signed-in citizen with the session’s token', async () => {
      const form = await page('/track');
      const found = await post(
        '/track',
        { _csrf: csrfOf(await form.text()), code, nationalId: APPLICANT_NATIONAL_ID },
        { cookie: session },
      );
      expect(found.status).toBe(200);
      expect(await found.text()).toContain(`<h2 class="govuk-heading-m">${code}</h2>`);
    });

    it('keeps its rate limit on the lookups', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < TRACKING_LIMIT + 1; attempt++) {
        statuses.push((await track({ code, nationalId: '022191004321' })).status);
      }
      expect(statuses.at(-1)).toBe(429);
    });
  });
});
