import { createHash } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ResultIssuer } from '@onegate/documents';
import { JobDispatcher, JobName } from '@onegate/jobs';

import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { eventually, request } from './support/http';
import { formatDateTime } from '../apps/api/src/web/core/formatters';
import { pdfsig, pdftotext, POPPLER_INSTALLED, withOneByteChanged } from './support/poppler';
import { multipartStart, sendPartly } from './support/raw-http';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';
import { localTime } from './support/working-time-by-hand';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';
import { loadVerifyForm, postVerifyForm, verdictOf } from './support/verify-page';

const SCRIPT = '<script>alert("x")</script>';
const FORM = {
  fullName: 'Nguyễn Văn A',
  nationalId: '022090001234',
  phone: '0912345678',
  businessName: `Tạp hoá ${SCRIPT}`,
  capital: 50_000_000,
};
const SIGNER = 'Cơ quan thử nghiệm OneGate';
/** The portal's language switch, as a browser that chose English sends it. */
const LANG_EN = 'onegate_lang=en';
const ENGLISH = { cookie: LANG_EN };

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

type Detail = ApplicationBody & { firstDownloadedAt?: string | null; decidedAt?: string | null };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(`signed results and one-stop-shop forms (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let otherCitizen: Tokens;
  let justiceClerk: Tokens;
  /** The fully online application of the first test, and its signed result as the clerk downloaded it. */
  let online: { id: string; code: string; pdf: Buffer };

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    justiceClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: {
        nationalId: '022191004321',
        fullName: 'Lê Thị C',
        email: 'c@example.vn',
        phone: '0987654321',
        password: 'Bai Chay sunset 9',
      },
    });
    otherCitizen = registered.body;
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  async function submitted(at: string, formData: Record<string, unknown> = FORM): Promise<ApplicationBody> {
    stack.freezeClock(localTime(at));
    const draft = await apps.create(citizen, HOUSEHOLD, formData);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-1');
    const sent = await apps.act(citizen, draft.body.id, 'submit');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body;
  }

  async function act(tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) {
    const response = await apps.act(tokens, id, action, fields);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Detail;
  }

  async function download(tokens: Tokens, path: string): Promise<Download> {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: bearer(tokens) });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  const signedApplication = (id: string) =>
    eventually(async () => {
      const current = await apps.get(clerk, id);
      return current.body.signed ? (current.body as Detail) : undefined;
    });

  /** The PDFs of one form kind attached to an application, once the worker has made them. */
  async function forms(id: string, kind: string, count = 1): Promise<Buffer[]> {
    const attached = await eventually(async () => {
      const found = ((await apps.get(citizen, id)).body.attachments ?? []).filter(
        (attachment) => attachment.documentName === `form:${kind}`,
      );
      return found.length >= count ? found : undefined;
    });
    expect(attached).toHaveLength(count);
    return Promise.all(
      attached.map(async (attachment) => {
        expect(attachment.mediaType).toBe('application/pdf');
        const file = await download(citizen, `/api/applications/${id}/attachments/${attachment.id}`);
        expect(file.status).toBe(200);
        expect(sha256(file.bytes)).toBe(attachment.sha256);
        return file.bytes;
      }),
    );
  }

  async function verifyUpload(bytes: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'ket-qua.pdf');
    const response = await fetch(`${stack.apiUrl}/api/verify`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('signs the result of a fully online application before recording the sign, and returns it online', async () => {
    const application = await submitted('2026-11-23T08:30:00');
    stack.freezeClock(localTime('2026-11-23T09:00:00'));
    const received = await act(clerk, application.id, 'receive');
    stack.freezeClock(localTime('2026-11-25T10:00:00'));
    await act(clerk, application.id, 'approve');
    const signed = await signedApplication(application.id);
    const signEvent = signed.events!.find((event) => event.type === 'sign')!;
    expect(signEvent).toMatchObject({ actorRole: 'system', channel: 'online', toState: 'decided' });

    const staffCopy = await download(clerk, `/api/applications/${application.id}/result`);
    expect(staffCopy.status).toBe(200);
    expect(staffCopy.headers.get('content-type')).toBe('application/pdf');
    expect(staffCopy.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    online = { id: application.id, code: received.code!, pdf: staffCopy.bytes };

    // Public verification by code: whether it exists, its fingerprint, signer and time; nothing personal.
    const verified = await request(`${stack.apiUrl}/api/verify/${online.code}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      code: online.code,
      exists: true,
      sha256: sha256(online.pdf),
      signer: SIGNER,
      signedAt: localTime('2026-11-25T10:00:00').toISOString(),
    });
    expect((await request(`${stack.apiUrl}/api/verify/QN-HL-991231-9999`)).body).toMatchObject({
      exists: false,
      sha256: null,
    });
    const page = await fetch(`${stack.apiUrl}/verify/${online.code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain(sha256(online.pdf));
    expect(html).toContain(SIGNER);
    expect(html).not.toContain(FORM.fullName);

    // The owner gets it only once it is returned online.
    expect((await download(citizen, `/api/applications/${application.id}/result`)).status).toBe(404);
    stack.freezeClock(localTime('2026-11-25T11:00:00'));
    const returned = await act(clerk, application.id, 'return');
    expect(returned.state).toBe('returned');
    expect(returned.events!.map((event) => event.type)).toEqual([
      'pay',
      'submit',
      'receive',
      'approve',
      'sign',
      'return',
    ]);
    expect(returned.events!.every((event) => event.channel === 'online')).toBe(true);
    expect(returned.firstDownloadedAt).toBeNull();

    stack.freezeClock(localTime('2026-11-25T14:00:00'));
    const ownerCopy = await download(citizen, `/api/applications/${application.id}/result`);
    expect(ownerCopy.status).toBe(200);
    expect(ownerCopy.bytes).toEqual(online.pdf);
    expect(ownerCopy.headers.get('content-disposition')).toBe(
      `attachment; filename="ket-qua-${online.code}.pdf"; filename*=UTF-8''ket-qua-${online.code}.pdf`,
    );
    stack.freezeClock(localTime('2026-11-26T09:00:00'));
    expect((await download(citizen, `/api/applications/${application.id}/result`)).status).toBe(200);
    const after = (await apps.get(citizen, application.id)).body as Detail;
    expect(after.firstDownloadedAt).toBe(localTime('2026-11-25T14:00:00').toISOString());
    expect(after.events).toHaveLength(6); // a download is no event

    expect((await download(otherCitizen, `/api/applications/${application.id}/result`)).status).toBe(404);
    expect((await download(justiceClerk, `/api/applications/${application.id}/result`)).status).toBe(404);
    expect((await download(clerk, `/api/applications/${application.id}/result`)).status).toBe(200);
  });

  it.skipIf(!POPPLER_INSTALLED)(
    'produces a PDF that pdfsig finds validly signed, and invalid with one byte changed',
    () => {
      const verdict = pdfsig(online.pdf);
      expect(verdict.validation, verdict.output).toBe('Signature is Valid.');
      expect(verdict.signer).toBe(SIGNER);
      expect(verdict.output).toContain('Total document signed');
      expect(pdfsig(withOneByteChanged(online.pdf)).validation).toBe('Digest Mismatch.');
    },
  );

  it.skipIf(!POPPLER_INSTALLED)('writes the result in Vietnamese that pdftotext reads back intact', () => {
    const text = pdftotext(online.pdf);
    expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(text).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain(`Mã hồ sơ (receipt code): ${online.code}`);
    expect(text).toContain('Người nộp (applicant): Nguyễn Văn A');
    expect(text).toContain('Quyết định (decision): Chấp thuận');
    expect(text).toContain('Ngày quyết định (date): 25/11/2026');
    expect(text).toContain('UBND thành phố Hạ Long');
    expect(text).toContain(`${stack.config.publicUrl}/verify/${online.code}`);
    expect(text).toContain(`Tên hộ kinh doanh: Tạp hoá ${SCRIPT}`);
  });

  it.skipIf(!POPPLER_INSTALLED)(
    'lays the result out as an administrative document: emblem lines, number, place and date, signer, the ID number once and masked',
    () => {
      const text = pdftotext(online.pdf);
      expect(text).toContain('UBND THÀNH PHỐ HẠ LONG');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toMatch(/Số: \d+\/KQ-QN-HL/);
      expect(text).toContain('Hạ Long, ngày 25 tháng 11 năm 2026');
      expect(text).toMatch(/THỦ TRƯỞNG CƠ QUAN.*\(Đã ký số\).*Cơ quan thử nghiệm OneGate/);
      expect(text).toContain('Nơi nhận: - Nguyễn Văn A;');
      expect(text).toContain('- Lưu: VT.');
      expect(text).not.toContain(FORM.nationalId);
      expect(text.match(new RegExp(`\\*{8}${FORM.nationalId.slice(-4)}`, 'g'))).toHaveLength(1);
    },
  );

  it('tells a genuine uploaded result from one with a single byte changed', async () => {
    const genuine = await verifyUpload(online.pdf);
    expect(genuine.status).toBe(200);
    expect(genuine.body).toEqual({
      genuine: true,
      sha256: sha256(online.pdf),
      code: online.code,
      signer: SIGNER,
      signedAt: localTime('2026-11-25T10:00:00').toISOString(),
    });
    const tampered = await verifyUpload(withOneByteChanged(online.pdf));
    expect(tampered.body).toMatchObject({ genuine: false, code: null });
    const empty = await fetch(`${stack.apiUrl}/api/verify`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
  });

  it("shows the QR code's page in the chosen language, with a plain verdict and the local time", async () => {
    const signedAt = localTime('2026-11-25T10:00:00').toISOString();
    const vi = await (await fetch(`${stack.apiUrl}/verify/${online.code}`)).text();
    expect(vi).toContain('<html lang="vi"');
    expect(vi).toContain('/assets/onegate/css/onegate.css');
    expect(verdictOf(vi)).toBe('issued');
    expect(vi).toContain(`OneGate đã cấp một kết quả có chữ ký số cho hồ sơ ${online.code}`);
    expect(vi).toContain(formatDateTime('vi', signedAt));
    expect(vi).not.toContain(signedAt);
    expect(vi).not.toContain('A digitally signed result');
    expect(vi).toMatch(/<form method="post" action="\/verify" enctype="multipart\/form-data"/);

    const en = await (await fetch(`${stack.apiUrl}/verify/${online.code}`, { headers: ENGLISH })).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain(`OneGate issued a digitally signed result for file ${online.code}`);
    expect(en).toContain(formatDateTime('en', signedAt));
    expect(en).not.toContain('OneGate đã cấp');
    expect(en).toContain(sha256(online.pdf));

    const unknown = await fetch(`${stack.apiUrl}/verify/QN-HL-991231-9999`);
    const unknownPage = await unknown.text();
    expect(unknown.status).toBe(200);
    expect(verdictOf(unknownPage)).toBe('unknown');
    expect(unknownPage).toContain('Không có kết quả nào được cấp với mã QN-HL-991231-9999');
    expect(unknownPage).not.toContain(SIGNER);
  });

  it("opens /verify with a field for the code, which leads to the code's page", async () => {
    const start = await fetch(`${stack.apiUrl}/verify`, { headers: ENGLISH });
    expect(start.status).toBe(200);
    const page = await start.text();
    expect(verdictOf(page)).toBeNull();
    expect(page).toContain('Check a digitally signed result');
    expect(page).toMatch(/<input[^>]+id="code" name="code"/);
    expect(page).toMatch(/<input[^>]+id="file" name="file" type="file"/);

    const home = await (await fetch(`${stack.apiUrl}/`)).text();
    expect(home).toContain('href="/verify">Kiểm tra kết quả</a>');

    const typed = encodeURIComponent(` ${online.code.toLowerCase()} `);
    const sent = await fetch(`${stack.apiUrl}/verify?code=${typed}`, { redirect: 'manual' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/verify/${online.code}`);
    const empty = await fetch(`${stack.apiUrl}/verify?code=+`, { headers: ENGLISH });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Receipt code: is required');
  });

  it('checks an uploaded PDF on the page: genuine, altered, or none chosen, as a page and not JSON', async () => {
    const genuine = await postVerifyForm(stack.apiUrl, online.pdf);
    expect(genuine.status).toBe(200);
    expect(genuine.html).toContain('<html lang="vi"');
    expect(verdictOf(genuine.html)).toBe('genuine');
    expect(genuine.html).toContain('Tệp này là bản gốc, chưa bị sửa đổi');
    expect(genuine.html).toContain(online.code);
    expect(genuine.html).toContain('kết-quả.pdf');

    const altered = await postVerifyForm(stack.apiUrl, withOneByteChanged(online.pdf), { cookie: LANG_EN });
    expect(altered.status).toBe(200);
    expect(verdictOf(altered.html)).toBe('altered');
    expect(altered.html).toContain('This file matches no result OneGate issued');
    expect(altered.html).toContain(sha256(withOneByteChanged(online.pdf)));
    expect(altered.html).not.toContain(online.code);

    const none = await postVerifyForm(stack.apiUrl, null, { cookie: LANG_EN });
    expect(none.status).toBe(400);
    expect(verdictOf(none.html)).toBeNull();
    expect(none.html).toContain('PDF file: choose a file</a>');
  });

  it("keeps the public forms' rules on the upload: its own origin, its token first, a declared length over the limit refused at once", async () => {
    const foreign = await postVerifyForm(stack.apiUrl, online.pdf, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const forged = await postVerifyForm(stack.apiUrl, online.pdf, { token: 'forged' });
    expect(forged.status).toBe(400);
    expect(verdictOf(forged.html)).toBeNull();

    const { cookie, token } = await loadVerifyForm(stack.apiUrl);
    const { contentType, start } = multipartStart({ _csrf: token }, 'file');
    const huge = await sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: '/verify',
        headers: { cookie, origin: stack.apiUrl, 'content-type': contentType, 'content-length': '60000000' },
        bodyStart: start,
      },
      5_000,
    );
    expect(huge.status).toBe(413);
  });

  it('reuses the stored result when issuance runs again, signing once', async () => {
    const dispatcher = stack.api.get(JobDispatcher);
    const jobId = await dispatcher.dispatch(
      JobName.IssueResult,
      { applicationId: online.id },
      { jobId: 'retry-1' },
    );
    await eventually(async () =>
      (await dispatcher.stateOf(JobName.IssueResult, jobId)) === 'completed' ? true : undefined,
    );
    const again = await stack.worker!.get(ResultIssuer).issue(online.id);
    expect(again?.sha256).toBe(sha256(online.pdf));
    expect((await download(clerk, `/api/applications/${online.id}/result`)).bytes).toEqual(online.pdf);

    // A worker that stored the result and stopped before recording the sign: the next run reuses it.
    const queue = dispatcher.queueOf(JobName.IssueResult);
    await queue.pause();
    try {
      const application = await submitted('2026-11-23T08:30:00');
      await act(clerk, application.id, 'receive');
      await act(clerk, application.id, 'approve');
      const stored = await stack.worker!.get(ResultIssuer).issue(application.id);
      expect((await apps.get(clerk, application.id)).body.signed).toBe(false);
      expect((await request(`${stack.apiUrl}/api/verify/${stored!.code}`)).body).toMatchObject({
        exists: true,
        sha256: stored!.sha256,
      });
      await queue.resume();
      const signed = await signedApplication(application.id);
      expect(signed.events!.filter((event) => event.type === 'sign')).toHaveLength(1);
      const served = await download(clerk, `/api/applications/${application.id}/result`);
      expect(sha256(served.bytes)).toBe(stored!.sha256);
    } finally {
      await queue.resume();
    }
  });

  it('gives a denial a signed decision letter with its reason', async () => {
    const application = await submitted('2026-11-23T08:30:00');
    await act(clerk, application.id, 'receive');
    await act(clerk, application.id, 'deny', { reason: 'Tên hộ kinh doanh trùng với hộ đã đăng ký' });
    await signedApplication(application.id);
    const letter = await download(clerk, `/api/applications/${application.id}/result`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-disposition')).toMatch(/^attachment; filename="thong-bao-QN-HL-/);
    if (!POPPLER_INSTALLED) return;
    expect(pdfsig(letter.bytes).validation).toBe('Signature is Valid.');
    const text = pdftotext(letter.bytes);
    expect(text).toContain('THÔNG BÁO KHÔNG CHẤP THUẬN HỒ SƠ');
    expect(text).toContain('Lý do (reason): Tên hộ kinh doanh trùng với hộ đã đăng ký');
    // One register per agency and year: the letter's number is not the result's.
    const numberOf = (pdfText: string) => /Số: (\d+)\/(?:KQ|TB)-QN-HL/.exec(pdfText)?.[1];
    expect(numberOf(text)).toBeDefined();
    expect(numberOf(text)).not.toBe(numberOf(pdftotext(online.pdf)));
  });

  it('attaches the receipt and appointment slip at reception, online and at the counter', async () => {
    const application = await submitted('2026-11-23T08:30:00');
    stack.freezeClock(localTime('2026-11-23T09:00:00'));
    const received = await act(clerk, application.id, 'receive');
    const [receipt] = await forms(application.id, 'receipt');
    const counter = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A' },
        formData: FORM,
      },
    });
    expect(counter.status).toBe(201);
    await forms(counter.body.id, 'receipt');
    if (!POPPLER_INSTALLED) return;
    const text = pdftotext(receipt);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ (receipt code): ${received.code}`);
    expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
    // A form field typed with markup shows as the text typed.
    expect(text).toContain(`Tên hộ kinh doanh: Tạp hoá ${SCRIPT}`);
    expect(text).toContain('Thời gian nhận hồ sơ (received): 09:00 23/11/2026');
    expect(text).toContain(`Thời gian trả kết quả (results due): 09:00 26/11/2026`);
  });

  it('attaches the supplement request listing what is missing', async () => {
    const application = await submitted('2026-11-23T08:30:00');
    await act(clerk, application.id, 'receive');
    stack.freezeClock(localTime('2026-11-24T14:00:00'));
    await act(clerk, application.id, 'request_supplement', {
      reason: 'Ảnh chụp không rõ',
      missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà'],
    });
    const [request] = await forms(application.id, 'supplement-request');
    if (!POPPLER_INSTALLED) return;
    const text = pdftotext(request);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('• Bản sao CCCD • Hợp đồng thuê nhà');
    expect(text).toContain('Lý do (reason): Ảnh chụp không rõ');
    expect(text).toContain('Ngày yêu cầu (requested): 14:00 24/11/2026');
  });

  it('attaches the refusal notice with its reason, shown as typed', async () => {
    const application = await submitted('2026-11-23T08:30:00');
    await act(clerk, application.id, 'refuse', { reason: `Hồ sơ không hợp lệ ${SCRIPT} <b>x</b>` });
    const [notice] = await forms(application.id, 'refusal');
    if (!POPPLER_INSTALLED) return;
    const text = pdftotext(notice);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Lý do (reason): Hồ sơ không hợp lệ ${SCRIPT} <b>x</b>`);
  });

  it('attaches an apology letter with the new appointment for each extension', async () => {
    const application = await submitted('2026-11-23T08:30:00');
    stack.freezeClock(localTime('2026-11-23T09:00:00'));
    await act(clerk, application.id, 'receive');
    stack.freezeClock(localTime('2026-11-26T08:30:00'));
    await act(clerk, application.id, 'extend', {
      reason: 'Cần xác minh thêm',
      appointmentAt: localTime('2026-11-30T15:30:00').toISOString(),
    });
    await act(clerk, application.id, 'extend', {
      reason: 'Chờ ý kiến cơ quan phối hợp',
      appointmentAt: localTime('2026-12-03T09:00:00').toISOString(),
    });
    const letters = await forms(application.id, 'apology', 2);
    if (!POPPLER_INSTALLED) return;
    const texts = letters.map(pdftotext).sort();
    expect(texts.every((text) => text.includes('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'))).toBe(true);
    expect(texts.join(' ')).toContain('hẹn trả kết quả vào 15:30 30/11/2026');
    expect(texts.join(' ')).toContain('hẹn trả kết quả vào 09:00 03/12/2026');
    expect(texts.join(' ')).toContain('Lý do (reason): Chờ ý kiến cơ quan phối hợp');
  });
});
