import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { confirmOnlinePayment } from './support/payments';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const FORM = 'application/x-www-form-urlencoded';
const SUBJECT = 'Hồ sơ chậm trả kết quả';
const BODY = 'Hồ sơ của tôi đã quá hạn một tuần mà chưa có thông báo gì.';
const ANSWER = 'Cơ quan đã trả kết quả; xin lỗi ông/bà vì sự chậm trễ.';
const ANONYMOUS_SUBJECT = 'Chỗ ngồi chờ không đủ';
const ANONYMOUS_BODY = 'Đề nghị bố trí thêm chỗ ngồi chờ tại bộ phận một cửa.';

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
/** The links of a page's error summary. */
const summaryLinks = (html: string) =>
  [
    ...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '').matchAll(/href="#([\w-]+)"/g),
  ].map((match) => match[1]);

/**
 * The feedback pages (docs/feedback.md, "Portal pages"): a citizen files feedback about their file,
 * staff answer it, the citizen rates the answer; anyone files about an agency and follows it with its
 * code and secret by form post; a form with errors keeps what was typed.
 */
describe(`feedback pages (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let citizen: Tokens;
  let stranger: Tokens;
  let clerk: Tokens;
  let admin: Tokens;
  let applicationId = '';
  let feedbackId = '';

  const sessionOf = (tokens: Tokens) => `onegate_session=${tokens.accessToken}; onegate_lang=vi`;
  const page = (path: string, cookie: string) =>
    fetch(`${stack.apiUrl}${path}`, { redirect: 'manual', headers: { cookie } });
  const post = (path: string, fields: Record<string, string>, cookie: string) =>
    fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': FORM, origin: stack.apiUrl, cookie },
      body: new URLSearchParams(fields).toString(),
    });
  /** Posts a signed-in form with the token of the page it is on. */
  const postFrom = async (form: string, path: string, fields: Record<string, string>, tokens: Tokens) => {
    const token = csrfOf(await (await page(form, sessionOf(tokens))).text());
    return post(path, { _csrf: token, ...fields }, sessionOf(tokens));
  };

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({ ...config, smtpUrl: catcher.url, authRateLimit: 10_000 } as AppConfig),
    });
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    stranger = await registerVerified(stack.apiUrl, catcher, newCitizen());
    const apps = new ApplicationsClient(stack.apiUrl);
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    applicationId = draft.body.id;
    expect((await apps.upload(citizen, applicationId, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, applicationId, 'PG-FEEDBACK-PAGES');
    expect((await apps.act(citizen, applicationId, 'submit')).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  it('links the file page to the form, which starts about that file', async () => {
    const filePage = await (await page(`/my/applications/${applicationId}`, sessionOf(citizen))).text();
    expect(filePage).toContain(`href="/my/feedback/new?file=${applicationId}"`);
    const form = await page(`/my/feedback/new?file=${applicationId}`, sessionOf(citizen));
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toMatch(/id="about-file" name="about" type="radio" value="file" checked/);
    expect(html).toMatch(new RegExp(`<option value="${applicationId}" selected>`));
    expect(html).toContain('<option value="QN-HL"');
  });

  it('shows the form again with its errors and everything typed, and files nothing', async () => {
    const typed = { about: 'file', kind: 'feedback', applicationId, subject: SUBJECT, body: 'quá ngắn' };
    const refused = await postFrom('/my/feedback/new', '/my/feedback/new', typed, citizen);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(summaryLinks(html)).toEqual(['aspect-reception', 'body']);
    expect(html).toContain('phải có ít nhất 20 ký tự');
    expect(html).toContain(`value="${SUBJECT}"`);
    expect(html).toContain('>quá ngắn</textarea>');
    expect(html).toMatch(/id="kind-feedback" name="kind" type="radio" value="feedback" checked/);

    const noKind = await postFrom('/my/feedback/new', '/my/feedback/new', { ...typed, kind: '' }, citizen);
    expect(noKind.status).toBe(400);
    expect(summaryLinks(await noKind.text())).toEqual(['kind-feedback']);

    const list = await request<unknown[]>(`${stack.apiUrl}/api/feedback`, { headers: bearer(citizen) });
    expect(list.body).toEqual([]);
  });

  it('files feedback about the file and shows it to its author only', async () => {
    const fields = {
      about: 'file',
      kind: 'feedback',
      applicationId,
      aspect: 'lateness',
      subject: SUBJECT,
      body: BODY,
    };
    const filed = await postFrom('/my/feedback/new', '/my/feedback/new', fields, citizen);
    expect(filed.status).toBe(303);
    const location = filed.headers.get('location')!;
    feedbackId = /^\/my\/feedback\/([0-9a-f-]{36})\?notice=feedbackFiled$/.exec(location)![1]!;
    const stored = await request<{ code: string; aspect: string; complaint: boolean; applicationId: string }>(
      `${stack.apiUrl}/api/feedback/${feedbackId}`,
      { headers: bearer(citizen) },
    );
    expect(stored.body).toMatchObject({ aspect: 'lateness', complaint: true, applicationId });

    const item = await (await page(location, sessionOf(citizen))).text();
    expect(item).toContain(stored.body.code);
    expect(item).toContain(SUBJECT);
    expect(item).toContain('Chờ trả lời');
    expect(item).not.toContain(`action="/my/feedback/${feedbackId}/rating"`);
    const list = await (await page('/my/feedback', sessionOf(citizen))).text();
    expect(list).toContain(`href="/my/feedback/${feedbackId}"`);

    expect((await page(`/my/feedback/${feedbackId}`, sessionOf(stranger))).status).toBe(404);
    expect(await (await page('/my/feedback', sessionOf(stranger))).text()).not.toContain(feedbackId);
    const token = csrfOf(await (await page('/my/feedback', sessionOf(stranger))).text());
    const rating = await post(
      `/my/feedback/${feedbackId}/rating`,
      { _csrf: token, rating: 'satisfied' },
      sessionOf(stranger),
    );
    expect(rating.status).toBe(404);
  });

  it('lets the clerk answer from the queue, and shows administrators the item read only', async () => {
    const queue = await (await page('/staff/feedback', sessionOf(clerk))).text();
    expect(queue).toContain(`href="/staff/feedback/${feedbackId}"`);
    const answeredOnly = await (await page('/staff/feedback?state=answered', sessionOf(clerk))).text();
    expect(answeredOnly).not.toContain(`href="/staff/feedback/${feedbackId}"`);

    const readOnly = await (await page(`/staff/feedback/${feedbackId}`, sessionOf(admin))).text();
    expect(readOnly).toContain(SUBJECT);
    expect(readOnly).not.toContain(`action="/staff/feedback/${feedbackId}/answer"`);

    const form = `/staff/feedback/${feedbackId}`;
    const empty = await postFrom(form, `${form}/answer`, { answer: '   ' }, clerk);
    expect(empty.status).toBe(400);
    expect(summaryLinks(await empty.text())).toEqual(['answer']);
    const answered = await postFrom(form, `${form}/answer`, { answer: ANSWER }, clerk);
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`${form}?notice=feedbackAnswered`);
    const again = await postFrom(form, `${form}/answer`, { answer: ANSWER }, clerk);
    expect(again.status).toBe(409);
    expect(await (await page(form, sessionOf(clerk))).text()).toContain(ANSWER);
  });

  it('leads the author from the notice to the answer, rated once', async () => {
    const notice = await eventually(async () => {
      const inbox = await request<{ items: { id: string; kind: string }[] }>(
        `${stack.apiUrl}/api/notifications`,
        {
          headers: bearer(citizen),
        },
      );
      return inbox.body.items.find((item) => item.kind === 'feedback_answered');
    });
    const opened = await page(`/my/notifications/${notice.id}`, sessionOf(citizen));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/my/feedback/${feedbackId}`);

    const itemPage = `/my/feedback/${feedbackId}`;
    const html = await (await page(itemPage, sessionOf(citizen))).text();
    expect(html).toContain(ANSWER);
    expect(html).toContain(`action="${itemPage}/rating"`);
    const none = await postFrom(itemPage, `${itemPage}/rating`, {}, citizen);
    expect(none.status).toBe(400);
    expect(summaryLinks(await none.text())).toEqual(['rating-satisfied']);
    const rated = await postFrom(itemPage, `${itemPage}/rating`, { rating: 'satisfied' }, citizen);
    expect(rated.status).toBe(303);
    const twice = await postFrom(itemPage, `${itemPage}/rating`, { rating: 'not_satisfied' }, citizen);
    expect(twice.status).toBe(409);
    const stored = await request<{ rating: string }>(`${stack.apiUrl}/api/feedback/${feedbackId}`, {
      headers: bearer(citizen),
    });
    expect(stored.body.rating).toBe('satisfied');
  });

  it('takes anonymous feedback, shows its code and secret once, and follows it by form post only', async () => {
    const form = await fetch(`${stack.apiUrl}/feedback/new`);
    const visitor = cookiesOf(form);
    const token = csrfOf(await form.text());
    const typed = {
      kind: 'petition',
      agencyCode: '',
      subject: ANONYMOUS_SUBJECT,
      body: ANONYMOUS_BODY,
      contact: 'không có',
    };
    const refused = await post('/feedback/new', { _csrf: token, ...typed }, visitor);
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(summaryLinks(refusedHtml)).toEqual(['agencyCode', 'contact']);
    expect(refusedHtml).toContain(`value="${ANONYMOUS_SUBJECT}"`);
    expect(refusedHtml).toContain(`>${ANONYMOUS_BODY}</textarea>`);
    expect(refusedHtml).toContain('value="không có"');

    const filed = await post(
      '/feedback/new',
      { _csrf: token, ...typed, agencyCode: 'QN-HL', contact: '' },
      visitor,
    );
    expect(filed.status).toBe(200);
    const filedHtml = await filed.text();
    const code = /id="filed-code">(KN-[A-Z0-9]{8})</.exec(filedHtml)![1]!;
    const secret = /id="filed-secret">([A-Z0-9]{16})</.exec(filedHtml)![1]!;

    const inQuery = await fetch(`${stack.apiUrl}/feedback/track?code=${code}&secret=${secret}`, {
      redirect: 'manual',
    });
    expect(inQuery.status).toBe(303);
    expect(inQuery.headers.get('location')).toBe('/feedback/track');
    const wrong = await post('/feedback/track', { _csrf: token, code, secret: 'ABCDEFGHJKMNPQRS' }, visitor);
    expect(wrong.status).toBe(404);
    const found = await post('/feedback/track', { _csrf: token, code: code.toLowerCase(), secret }, visitor);
    expect(found.status).toBe(200);
    const foundHtml = await found.text();
    expect(foundHtml).toContain(ANONYMOUS_SUBJECT);
    expect(foundHtml).toContain('Chờ trả lời');

    const item = await request<{ id: string }[]>(`${stack.apiUrl}/api/staff/feedback`, {
      headers: bearer(clerk),
    });
    const anonymousId = item.body.find((entry) => (entry as { code?: string }).code === code)!.id;
    const answerPage = `/staff/feedback/${anonymousId}`;
    expect((await postFrom(answerPage, `${answerPage}/answer`, { answer: ANSWER }, clerk)).status).toBe(303);

    const rated = await post(
      '/feedback/track/rating',
      { _csrf: token, code, secret, rating: 'not_satisfied' },
      visitor,
    );
    expect(rated.status).toBe(200);
    const ratedHtml = await rated.text();
    expect(ratedHtml).toContain(ANSWER);
    expect(ratedHtml).toContain('Không hài lòng');
    const followed = await request<{ rating: string }>(`${stack.apiUrl}/api/feedback/track`, {
      method: 'POST',
      body: { code, secret },
    });
    expect(followed.body.rating).toBe('not_satisfied');
  });
});
