import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { JobDispatcher, JobName } from '@onegate/jobs';
import { IssuedResult, Notification, User } from '@onegate/persistence';

import { DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { confirmOnlinePayment } from './support/payments';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';
import { eventually } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';
import type { CaughtMail } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The portal's notification centre (bell, inbox, mark read) and the links and result the e-mails carry. */
describe(`notification centre and e-mail links (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let clerk: Tokens;
  const citizen = newCitizen();
  let citizenTokens: Tokens;
  let firstId = '';

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    citizenTokens = await registerVerified(stack.apiUrl, catcher, citizen);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  const attachmentLimit = (bytes: number) =>
    Object.assign(stack.config, { mailResultAttachmentBytes: bytes } as Partial<AppConfig>);
  const mailAbout = (address: string, code: string) =>
    catcher.to(address).filter((mail) => mail.subject.includes(code));

  /** A file of the citizen taken from draft to its result returned online; the mails about it. */
  async function returnedOnline(): Promise<{ id: string; code: string; mails: CaughtMail[] }> {
    const form = { fullName: citizen.fullName, nationalId: citizen.nationalId, phone: '0912345678' };
    const draft = await apps.create(citizenTokens, HOUSEHOLD, {
      ...form,
      businessName: 'Tạp hoá Bình An',
      capital: 50_000_000,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id;
    expect((await apps.upload(citizenTokens, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, `PG-${id}`);
    expect((await apps.act(citizenTokens, id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, id, 'receive');
    expect(received.status).toBe(200);
    const code = received.body.code!;
    expect((await apps.act(clerk, id, 'approve')).status).toBe(200);
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined));
    expect((await apps.act(clerk, id, 'return')).status).toBe(200);
    const mails = await eventually(async () => {
      const about = mailAbout(citizen.email, code);
      return about.length === 4 ? about : undefined;
    });
    return { id, code, mails };
  }

  const storedResult = (applicationId: string) =>
    stack.apiDataSource.getRepository(IssuedResult).findOneByOrFail({ applicationId });

  it("links every e-mail to the file's own page, and the result-ready e-mail to the signed result, attached", async () => {
    attachmentLimit(2 * 1024 * 1024);
    const { id, code, mails } = await returnedOnline();
    firstId = id;
    const filePage = `${stack.config.publicUrl}/my/applications/${id}`;
    expect(filePage).toMatch(/^https?:\/\/[^/]+\/my\/applications\//);
    for (const mail of mails) {
      expect(mail.text, mail.subject).toContain(filePage);
      expect(mail.html, mail.subject).toContain(`href="${filePage}"`);
    }
    const ready = mails.find((mail) => mail.subject === `Kết quả hồ sơ ${code} đã sẵn sàng`)!;
    const download = `${stack.config.publicUrl}/my/applications/${id}/result`;
    expect(ready.text).toContain(`Tải kết quả đã ký số tại ${download}`);
    expect(ready.html).toContain(`href="${download}"`);
    // Opened by someone not signed in, the link leads through sign-in and back to it.
    const resultPath = `/my/applications/${id}/result`;
    const signedOut = await fetch(`${stack.apiUrl}${resultPath}`, {
      redirect: 'manual',
      headers: { accept: 'text/html' },
    });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(resultPath)}`);
    expect(ready.attachments.map((attachment) => attachment.filename)).toEqual([`ket-qua-${code}.pdf`]);
    expect(ready.attachments[0].contentType).toBe('application/pdf');
    expect(sha256(ready.attachments[0].content)).toBe((await storedResult(id)).sha256);
    expect(ready.text).toContain(`được gửi kèm thư này: ket-qua-${code}.pdf`);
  });

  it('links the result-ready e-mail without attaching a result above the configured limit', async () => {
    attachmentLimit(1024);
    const { id, code, mails } = await returnedOnline();
    expect((await storedResult(id)).sizeBytes).toBeGreaterThan(1024);
    const ready = mails.find((mail) => mail.subject === `Kết quả hồ sơ ${code} đã sẵn sàng`)!;
    expect(ready.attachments).toEqual([]);
    expect(ready.text).toContain(`${stack.config.publicUrl}/my/applications/${id}/result`);
    expect(ready.text).not.toContain('gửi kèm');
    attachmentLimit(2 * 1024 * 1024);
  });

  it("links a staff member's e-mail to the staff page of the file", async () => {
    const clerkAccount = await stack.apiDataSource
      .getRepository(User)
      .findOneByOrFail({ email: DEMO_ACCOUNTS.clerk });
    const form = { fullName: citizen.fullName, nationalId: citizen.nationalId, phone: '0912345678' };
    const draft = await apps.create(citizenTokens, HOUSEHOLD, { ...form, businessName: 'Hạn', capital: 1 });
    const id = draft.body.id;
    await apps.upload(citizenTokens, id, HOUSEHOLD_DOCUMENT, PDF_BYTES);
    await confirmOnlinePayment(stack, id, `PG-${id}`);
    await apps.act(citizenTokens, id, 'submit');
    const code = (await apps.act(clerk, id, 'receive')).body.code!;
    await stack.api.get(JobDispatcher).dispatch(JobName.SendNotification, {
      key: `${id}:due_soon:${clerkAccount.id}`,
      kind: 'due_soon',
      applicationId: id,
      recipient: { userId: clerkAccount.id },
      facts: {},
    });
    const alert = await eventually(async () => mailAbout(DEMO_ACCOUNTS.clerk, code)[0]);
    expect(alert.text).toContain(`${stack.config.publicUrl}/staff/applications/${id}`);

    const cookie = `onegate_session=${clerk.accessToken}`;
    const stored = await eventually(
      async () =>
        (await stack.apiDataSource
          .getRepository(Notification)
          .findOneBy({ applicationId: id, recipientUserId: clerkAccount.id })) ?? undefined,
    );
    const opened = await fetch(`${stack.apiUrl}/my/notifications/${stored.id}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`/staff/applications/${id}`);
  });

  describe('on the portal', () => {
    const cookie = () => `onegate_session=${citizenTokens.accessToken}`;
    const page = async (path: string, who = cookie()) => {
      const response = await fetch(`${stack.apiUrl}${path}`, {
        headers: { cookie: who },
        redirect: 'manual',
      });
      return { status: response.status, html: await response.text() };
    };
    const bellOf = (html: string) => /<a [^>]*class="[^"]*onegate-bell[^"]*"[^>]*>/.exec(html)?.[0] ?? '';
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const post = async (path: string, fields: Record<string, string>, who = cookie()) =>
      fetch(`${stack.apiUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: who, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const unreadRows = () =>
      stack.apiDataSource
        .getRepository(Notification)
        .find({ where: { recipientEmail: citizen.email }, order: { createdAt: 'DESC', id: 'DESC' } });

    it('shows the unread count on the bell in the header, and lists the inbox newest first, unread marked', async () => {
      // Five about each of the two returned files (submitted, fee paid, received, decided, result ready),
      // three about the file received for the alert (fee paid, submitted, received).
      const rows = await eventually(async () => {
        const stored = await unreadRows();
        return stored.length === 13 ? stored : undefined;
      });
      const home = await page('/');
      expect(bellOf(home.html)).toContain('href="/my/notifications"');
      expect(bellOf(home.html)).toContain('aria-label="Thông báo, 13 chưa đọc"');

      const inbox = await page('/my/notifications');
      expect(inbox.status).toBe(200);
      const links = [...inbox.html.matchAll(/href="\/my\/notifications\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
      expect(links).toEqual(rows.map((row) => row.id));
      expect(inbox.html.match(/onegate-inbox__item--unread/g)).toHaveLength(13);
      expect(inbox.html).toContain('13 thông báo chưa đọc');
    });

    it('marks one read by opening its link, which leads to its file, and one by its form', async () => {
      const [newest, second] = await unreadRows();
      const opened = await page(`/my/notifications/${newest.id}`);
      expect(opened.status).toBe(303);
      expect((await unreadRows())[0].readAt).not.toBeNull();
      const redirected = await fetch(`${stack.apiUrl}/my/notifications/${newest.id}`, {
        headers: { cookie: cookie() },
        redirect: 'manual',
      });
      expect(redirected.headers.get('location')).toBe(`/my/applications/${newest.applicationId}`);

      const inbox = await page('/my/notifications');
      expect(inbox.html.match(/onegate-inbox__item--unread/g)).toHaveLength(12);
      const forged = await post(`/my/notifications/${second.id}/read`, { _csrf: 'forged' });
      expect(forged.status).toBe(403);
      const marked = await post(`/my/notifications/${second.id}/read`, { _csrf: csrfOf(inbox.html) });
      expect(marked.status).toBe(303);
      expect(marked.headers.get('location')).toBe('/my/notifications?notice=notificationRead');
      expect(bellOf((await page('/')).html)).toContain('aria-label="Thông báo, 11 chưa đọc"');
    });

    it("answers 404 for someone else's notification, read or opened, and leaves it unread", async () => {
      const stranger = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
      const theirCookie = `onegate_session=${stranger.accessToken}`;
      const [, , mine] = await unreadRows();
      expect(mine.readAt).toBeNull();
      expect((await page(`/my/notifications/${mine.id}`, theirCookie)).status).toBe(404);
      const csrf = csrfOf((await page('/my/notifications', theirCookie)).html);
      expect((await post(`/my/notifications/${mine.id}/read`, { _csrf: csrf }, theirCookie)).status).toBe(
        404,
      );
      expect((await unreadRows())[2].readAt).toBeNull();
      expect((await page('/my/notifications', '')).status).not.toBe(200);
    });

    it('marks all read with one form, after which the bell shows no count', async () => {
      const inbox = await page('/my/notifications');
      const done = await post('/my/notifications/read', { _csrf: csrfOf(inbox.html) });
      expect(done.status).toBe(303);
      expect((await unreadRows()).every((row) => row.readAt !== null)).toBe(true);
      const bell = bellOf((await page('/')).html);
      expect(bell).toContain('aria-label="Thông báo"');
      expect((await page('/my/notifications')).html).not.toContain('onegate-inbox__item--unread');
      expect(firstId).not.toBe('');
    });
  });
});
