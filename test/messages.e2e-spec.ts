import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import {
  bearer,
  createStaff,
  DEMO_ACCOUNTS,
  JUSTICE_CLERK,
  newCitizen,
  registerVerified,
  signIn,
} from './support/accounts';
import { confirmOnlinePayment } from './support/payments';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, EXECUTABLE_BYTES, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const INTERNAL_NOTE = 'Internal: applicant seemed nervous, check the seal';
const TO_APPLICANT = 'Please bring the original household book when you collect the result.';
const FROM_CITIZEN = 'Here is the landlord’s consent you asked about.';
const FROM_CLERK = 'Thank you, the consent is in order.';

interface MessageBody {
  id: string;
  at: string;
  authorRole: string;
  body: string;
  action: string | null;
  files: { id: string; originalName: string; mediaType: string; sizeBytes: number }[];
}

interface NotificationPage {
  items: { kind: string; subject: string; text: string }[];
}

/**
 * A clerk's internal note stays with staff while a message to the applicant reaches them; each file
 * has a thread between its applicant and its agency (docs/messages.md).
 */
describe(`internal notes and the file's messages (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let citizenEmail: string;
  let nationalId: string;
  let otherCitizen: Tokens;
  let clerk: Tokens;
  let otherClerk: Tokens;
  let id = '';
  let code = '';

  const messagesUrl = () => `${stack.apiUrl}/api/applications/${id}/messages`;
  const thread = (tokens: Tokens) => request<MessageBody[]>(messagesUrl(), { headers: bearer(tokens) });
  const write = (tokens: Tokens, form: FormData) =>
    fetch(messagesUrl(), { method: 'POST', headers: bearer(tokens), body: form });
  const pageOf = async (path: string, tokens: Tokens) =>
    (
      await fetch(`${stack.apiUrl}${path}`, { headers: { cookie: `onegate_session=${tokens.accessToken}` } })
    ).text();
  const mailTo = (address: string) => catcher.to(address);
  const inbox = async (tokens: Tokens) =>
    (await request<NotificationPage>(`${stack.apiUrl}/api/notifications`, { headers: bearer(tokens) })).body
      .items;

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    otherClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
    const applicant = newCitizen();
    citizenEmail = applicant.email;
    nationalId = applicant.nationalId;
    citizen = await registerVerified(stack.apiUrl, catcher, applicant);
    otherCitizen = await registerVerified(stack.apiUrl, catcher, newCitizen());

    const draft = await apps.create(citizen, HOUSEHOLD, { ...HOUSEHOLD_FORM, nationalId });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, 'PG-77');
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, id, 'receive', { note: INTERNAL_NOTE, message: TO_APPLICANT });
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    code = received.body.code!;
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  it('keeps the internal note from the applicant: API, page, tracking and mail', async () => {
    const staffView = await apps.get(clerk, id);
    expect(staffView.body.events!.find((event) => event.type === 'receive')).toMatchObject({
      note: INTERNAL_NOTE,
    });
    const citizenView = await apps.get(citizen, id);
    expect(citizenView.status).toBe(200);
    expect(JSON.stringify(citizenView.body)).not.toContain(INTERNAL_NOTE);

    const citizenPage = await pageOf(`/my/applications/${id}`, citizen);
    expect(citizenPage).toContain(code);
    expect(citizenPage).not.toContain(INTERNAL_NOTE);
    const staffPage = await pageOf(`/staff/applications/${id}`, clerk);
    expect(staffPage).toContain(INTERNAL_NOTE);
    expect(staffPage).toContain('Ghi chú nội bộ (chỉ cán bộ xem)');
    expect(staffPage).toContain('Lời nhắn gửi người nộp (người nộp sẽ thấy)');

    const tracked = await request(`${stack.apiUrl}/api/track`, {
      method: 'POST',
      body: { code, nationalId },
    });
    expect(tracked.status).toBe(200);
    expect(JSON.stringify(tracked.body)).not.toContain(INTERNAL_NOTE);

    // The receipt and the message both reach the applicant's mailbox, the note in neither.
    await eventually(async () => (mailTo(citizenEmail).length >= 2 ? true : undefined));
    for (const mail of mailTo(citizenEmail)) {
      expect(mail.text + mail.html).not.toContain(INTERNAL_NOTE);
    }
  });

  it('gives the applicant the message written on the action: thread, page, notification and mail', async () => {
    const seen = await thread(citizen);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual([
      expect.objectContaining({ authorRole: 'clerk', body: TO_APPLICANT, action: 'receive', files: [] }),
    ]);
    expect(await pageOf(`/my/applications/${id}`, citizen)).toContain(TO_APPLICANT);
    const mail = await eventually(async () =>
      mailTo(citizenEmail).find((caught) => caught.subject === `Tin nhắn mới về hồ sơ ${code}`),
    );
    expect(mail.text).toContain(TO_APPLICANT);
    expect((await inbox(citizen)).map((item) => item.kind)).toContain('message_received');
    // Its text is personal: sealed at rest, never stored as typed.
    const stored = (await stack.apiDataSource.query('SELECT body FROM application_messages')) as {
      body: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).toMatch(/^v1:/);
    expect(stored[0]!.body).not.toContain('household book');
  });

  it('carries messages both ways, with a document, and notifies the other side', async () => {
    const form = new FormData();
    form.append('body', FROM_CITIZEN);
    form.append('files', new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }), 'consent.pdf');
    const written = await write(citizen, form);
    expect(written.status).toBe(201);
    const message = (await written.json()) as MessageBody;
    expect(message).toMatchObject({ authorRole: 'citizen', body: FROM_CITIZEN, action: null });
    expect(message.files).toEqual([
      expect.objectContaining({ originalName: 'consent.pdf', mediaType: 'application/pdf' }),
    ]);

    // The clerk reads it, opens its document and is told of it.
    const read = await thread(clerk);
    expect(read.body.map((each) => each.body)).toEqual([TO_APPLICANT, FROM_CITIZEN]);
    const file = await fetch(`${stack.apiUrl}/api/applications/${id}/attachments/${message.files[0]!.id}`, {
      headers: bearer(clerk),
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF_BYTES);
    const clerkNotice = await eventually(async () =>
      (await inbox(clerk)).find(
        (item) => item.kind === 'message_received' && item.text.includes(FROM_CITIZEN),
      ),
    );
    expect(clerkNotice.subject).toContain(code);
    // A message's document belongs to the thread, not to the file's documents.
    const documents = (await apps.get(citizen, id)).body.attachments!;
    expect(documents.map((document) => document.id)).not.toContain(message.files[0]!.id);

    const answer = await request<MessageBody>(messagesUrl(), {
      method: 'POST',
      headers: bearer(clerk),
      body: { body: FROM_CLERK },
    });
    expect(answer.status).toBe(201);
    const mine = await thread(citizen);
    expect(mine.body.map((each) => [each.authorRole, each.body])).toEqual([
      ['clerk', TO_APPLICANT],
      ['citizen', FROM_CITIZEN],
      ['clerk', FROM_CLERK],
    ]);
    const mail = await eventually(async () =>
      mailTo(citizenEmail).find((caught) => caught.text.includes(FROM_CLERK)),
    );
    expect(mail.subject).toContain(code);
  });

  it('answers 404 to another citizen and to a clerk of another agency', async () => {
    for (const stranger of [otherCitizen, otherClerk]) {
      expect((await thread(stranger)).status).toBe(404);
      const form = new FormData();
      form.append('body', 'let me in');
      expect((await write(stranger, form)).status).toBe(404);
      const page = await fetch(`${stack.apiUrl}/api/applications/${id}`, { headers: bearer(stranger) });
      expect(page.status).toBe(404);
    }
    expect((await thread(citizen)).body).toHaveLength(3);
  });

  it('refuses an empty or overlong message, a file of another type, and a message on a citizen’s action', async () => {
    const problemsOf = async (response: Response) =>
      ((await response.json()) as { details: { field: string }[] }).details.map((detail) => detail.field);
    const empty = new FormData();
    empty.append('body', '   ');
    const blank = await write(citizen, empty);
    expect(blank.status).toBe(400);
    expect(await problemsOf(blank)).toEqual(['body']);

    const long = await request<{ details: { field: string }[] }>(messagesUrl(), {
      method: 'POST',
      headers: bearer(citizen),
      body: { body: 'x'.repeat(2001) },
    });
    expect(long.status).toBe(400);
    expect(long.body.details.map((detail) => detail.field)).toEqual(['body']);

    const program = new FormData();
    program.append('body', 'my scan');
    program.append('files', new Blob([new Uint8Array(EXECUTABLE_BYTES)]), 'scan.pdf');
    const refused = await write(citizen, program);
    expect(refused.status).toBe(400);
    expect(await problemsOf(refused)).toEqual(['files']);

    const withdrawing = await apps.act(citizen, id, 'pay', { message: 'hello' });
    expect(withdrawing.status).toBe(400);
    expect(JSON.stringify(withdrawing.body)).toContain('message');
    expect((await thread(citizen)).body).toHaveLength(3);
  });

  it('takes a message from the citizen’s page form, with its CSRF token, without script', async () => {
    const cookie = `onegate_session=${citizen.accessToken}`;
    const page = await (await fetch(`${stack.apiUrl}/my/applications/${id}`, { headers: { cookie } })).text();
    expect(page).toContain(`action="/my/applications/${id}/messages" enctype="multipart/form-data"`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const postFromPage = (text: string) => {
      const form = new FormData();
      form.append('_csrf', csrf);
      form.append('body', text);
      return fetch(`${stack.apiUrl}/my/applications/${id}/messages`, {
        method: 'POST',
        headers: { cookie, origin: stack.apiUrl },
        body: form,
        redirect: 'manual',
      });
    };
    const posted = await postFromPage('Sent from the page');
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/my/applications/${id}?notice=messageSent#messages`);
    expect((await thread(clerk)).body.at(-1)).toMatchObject({
      authorRole: 'citizen',
      body: 'Sent from the page',
    });

    const refused = await postFromPage('');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('href="#message-body"');
  });
});
