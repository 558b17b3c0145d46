import { createHash } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, newCitizen, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { pdfsig, pdftotext, POPPLER_INSTALLED } from './support/poppler';
import { letterPdf, onePixelPng } from './support/sample-files';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { localTime } from './support/working-time-by-hand';

/** A document the clerk asks for in words of their own. */
const LEASE = 'Hợp đồng thuê nhà có công chứng';
const SIGNER = 'Cơ quan thử nghiệm OneGate';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface ChecklistItem {
  status: string;
  text: string;
}

describe(`the clerk's file page: checklist, previews, own result, signatures (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let otherCitizen: Tokens;
  let justiceClerk: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    justiceClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
    const other = newCitizen();
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: other,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    otherCitizen = registered.body;
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  const cookieOf = (tokens: Tokens) => `onegate_session=${tokens.accessToken}; onegate_lang=vi`;

  async function page(
    tokens: Tokens,
    path: string,
  ): Promise<{ status: number; html: string; headers: Headers }> {
    const answer = await fetch(`${stack.apiUrl}${path}`, { headers: { cookie: cookieOf(tokens) } });
    return { status: answer.status, html: await answer.text(), headers: answer.headers };
  }

  async function staffPage(id: string, query = ''): Promise<string> {
    const shown = await page(clerk, `/staff/applications/${id}${query}`);
    expect(shown.status).toBe(200);
    return shown.html;
  }

  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  /** A form of the file page posted as the browser posts it, with the page's CSRF token. */
  async function postForm(
    tokens: Tokens,
    id: string,
    path: string,
    fields: Record<string, string>,
    files?: Blob,
  ) {
    const shown = await page(tokens, `/staff/applications/${id}`);
    const form = new FormData();
    form.append('_csrf', shown.status === 200 ? csrfOf(shown.html) : 'none');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (files) form.append('file', files, 'ket-qua.pdf');
    const body = files
      ? form
      : new URLSearchParams([...form].map(([name, value]): [string, string] => [name, String(value)]));
    return fetch(`${stack.apiUrl}/staff/applications/${id}/${path}`, {
      method: 'POST',
      headers: { cookie: cookieOf(tokens), origin: stack.apiUrl },
      body,
      redirect: 'manual',
    });
  }

  const review = (id: string, documentName: string, decision: string, note = '') =>
    postForm(clerk, id, 'reviews', { documentName, decision, note });
  const uploadResult = (tokens: Tokens, id: string, bytes: Buffer, type = 'application/pdf') =>
    postForm(tokens, id, 'result', {}, new Blob([new Uint8Array(bytes)], { type }));

  /** Each checklist entry of the page by document name: its status and its text (without its review form). */
  function checklist(html: string): Record<string, ChecklistItem> {
    const section = /<section id="checklist"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const items: Record<string, ChecklistItem> = {};
    for (const part of section.split('<li class="onegate-checklist__item"').slice(1)) {
      const [, name, status] = /data-document="([^"]*)" data-status="(\w+)"/.exec(part)!;
      const text = part
        .replace(/<details[\s\S]*?<\/details>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      items[name!] = { status: status!, text };
    }
    return items;
  }

  async function received(at: string, fileName = 'de-nghi.pdf', bytes = PDF_BYTES): Promise<ApplicationBody> {
    stack.freezeClock(localTime(at));
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, bytes, fileName)).status).toBe(201);
    expect((await apps.act(citizen, draft.body.id, 'submit')).status).toBe(200);
    const taken = await apps.act(clerk, draft.body.id, 'receive');
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    return taken.body;
  }

  async function uploadPng(id: string, documentName: string) {
    const form = new FormData();
    form.append('documentName', documentName);
    form.append('file', new Blob([new Uint8Array(onePixelPng())], { type: 'image/png' }), 'anh-chup.png');
    const response = await fetch(`${stack.apiUrl}/api/applications/${id}/attachments`, {
      method: 'POST',
      headers: bearer(citizen),
      body: form,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  }

  it('keeps a checklist: present, rejected, missing after a supplement request, then new versions labelled and accepted', async () => {
    const file = await received('2026-11-23T09:00:00');
    let items = checklist(await staffPage(file.id));
    expect(Object.keys(items)).toEqual([HOUSEHOLD_DOCUMENT]);
    expect(items[HOUSEHOLD_DOCUMENT]!.status).toBe('present');
    expect(items[HOUSEHOLD_DOCUMENT]!.text).toContain('Phiên bản 1 · de-nghi.pdf');

    // A decision needs one of the two values; the refusal names the field.
    stack.freezeClock(localTime('2026-11-23T10:00:00'));
    const refused = await review(file.id, HOUSEHOLD_DOCUMENT, 'maybe');
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('href="#review-decision"');
    expect(refusedHtml).toContain('id="review-decision"');
    const unknown = await review(file.id, 'Giấy tờ không có trong hồ sơ', 'accepted');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('href="#checklist"');

    const rejected = await review(file.id, HOUSEHOLD_DOCUMENT, 'rejected', 'Bản scan mờ, không đọc được');
    expect(rejected.status).toBe(303);
    expect(rejected.headers.get('location')).toBe(
      `/staff/applications/${file.id}?notice=documentReviewed#checklist`,
    );
    let html = await staffPage(file.id);
    items = checklist(html);
    expect(items[HOUSEHOLD_DOCUMENT]!.status).toBe('rejected');
    expect(items[HOUSEHOLD_DOCUMENT]!.text).toContain('Bản scan mờ, không đọc được');
    // The rejected document comes ticked in the supplement request form.
    expect(html).toMatch(
      new RegExp(`name="missingDocuments" type="checkbox" value="${HOUSEHOLD_DOCUMENT}" checked>`),
    );
    // The citizen neither reviews nor reads the clerk's note.
    expect(
      (
        await postForm(citizen, file.id, 'reviews', {
          documentName: HOUSEHOLD_DOCUMENT,
          decision: 'accepted',
        })
      ).status,
    ).not.toBe(303);
    expect((await page(citizen, `/my/applications/${file.id}`)).html).not.toContain('Bản scan mờ');

    stack.freezeClock(localTime('2026-11-24T09:00:00'));
    const asked = await apps.act(clerk, file.id, 'request_supplement', {
      reason: 'Bản scan mờ; thiếu hợp đồng thuê nhà',
      missingDocuments: [HOUSEHOLD_DOCUMENT, LEASE],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    items = checklist(await staffPage(file.id));
    expect(Object.keys(items)).toEqual([HOUSEHOLD_DOCUMENT, LEASE]);
    expect(items[LEASE]!.status).toBe('missing');
    expect(items[HOUSEHOLD_DOCUMENT]!.status).toBe('rejected');

    stack.freezeClock(localTime('2026-11-25T08:30:00'));
    expect((await apps.upload(citizen, file.id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi.pdf')).status).toBe(
      201,
    );
    await uploadPng(file.id, LEASE);
    html = await staffPage(file.id);
    items = checklist(html);
    // Two files of the same name, told apart by version, date and what brought them.
    expect(items[HOUSEHOLD_DOCUMENT]!.status).toBe('present');
    expect(items[HOUSEHOLD_DOCUMENT]!.text).toContain(
      'Phiên bản 2 · de-nghi.pdf · 08:30 25 thg 11, 2026 · 1 KB gửi kèm bổ sung ngày 24 thg 11, 2026 mới kể từ lần xem xét trước',
    );
    expect(items[HOUSEHOLD_DOCUMENT]!.text).toContain('Phiên bản 1 · de-nghi.pdf · 09:00 23 thg 11, 2026');
    expect(items[LEASE]!.status).toBe('present');
    expect(items[LEASE]!.text).toContain('Phiên bản 1 · anh-chup.png');

    stack.freezeClock(localTime('2026-11-25T09:00:00'));
    expect((await apps.act(citizen, file.id, 'supplement')).status).toBe(200);
    expect((await review(file.id, HOUSEHOLD_DOCUMENT, 'accepted')).status).toBe(303);
    expect((await review(file.id, LEASE, 'accepted', 'Đủ')).status).toBe(303);
    items = checklist(await staffPage(file.id));
    expect(items[HOUSEHOLD_DOCUMENT]!.status).toBe('accepted');
    expect(items[HOUSEHOLD_DOCUMENT]!.text).not.toContain('mới kể từ lần xem xét trước');
    expect(items[LEASE]!.status).toBe('accepted');
  });

  it('previews a PDF through OneGate’s own viewer and an image in place, inline only to those who may read the file', async () => {
    const file = await received('2026-11-23T11:00:00');
    const pdf = (await apps.get(clerk, file.id)).body.attachments!.find(
      (attachment) => attachment.documentName === HOUSEHOLD_DOCUMENT,
    )!;
    const html = await staffPage(file.id, `?preview=${pdf.id}`);
    const viewer = /<div class="onegate-pdf" data-pdf-src="([^"]+)"/.exec(html);
    expect(viewer?.[1]).toBe(`/applications/${file.id}/documents/${pdf.id}`);
    expect(html).toContain('<script type="module" src="/assets/onegate/js/pdf-preview.mjs"></script>');
    expect(html).toContain(`href="/applications/${file.id}/documents/${pdf.id}" download="de-nghi.pdf"`);

    const path = `/applications/${file.id}/documents/${pdf.id}`;
    for (const reader of [clerk, citizen]) {
      const opened = await page(reader, path);
      expect(opened.status).toBe(200);
      expect(opened.headers.get('content-type')).toBe('application/pdf');
      expect(opened.headers.get('content-disposition')).toMatch(/^inline; filename="de-nghi.pdf"/);
    }
    for (const stranger of [otherCitizen, justiceClerk])
      expect((await page(stranger, path)).status).toBe(404);

    // The viewer's files come from OneGate, and nothing else of the package does.
    const library = await fetch(`${stack.apiUrl}/assets/pdfjs/build/pdf.min.mjs`);
    expect(library.status).toBe(200);
    expect(library.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${stack.apiUrl}/assets/pdfjs/build/pdf.worker.min.mjs`)).status).toBe(200);
    expect((await fetch(`${stack.apiUrl}/assets/pdfjs/package.json`)).status).toBe(404);
    expect((await fetch(`${stack.apiUrl}/assets/pdfjs/web/pdf_viewer.mjs`)).status).toBe(404);
    const csp = (await page(clerk, `/staff/applications/${file.id}?preview=${pdf.id}`)).headers.get(
      'content-security-policy',
    )!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe("'self'");
    expect(/worker-src|blob:/.test(csp)).toBe(false);

    // An image is shown as it is.
    stack.freezeClock(localTime('2026-11-23T12:00:00'));
    expect(
      (await apps.act(clerk, file.id, 'request_supplement', { reason: 'Thiếu', missingDocuments: [LEASE] }))
        .status,
    ).toBe(200);
    const image = await uploadPng(file.id, LEASE);
    const imageHtml = await staffPage(file.id, `?preview=${image.id}`);
    expect(imageHtml).toContain(
      `<img class="onegate-preview__image" src="/applications/${file.id}/documents/${image.id}" alt="anh-chup.png">`,
    );
    expect(imageHtml).not.toContain('pdf-preview.mjs');
    const opened = await page(citizen, `/applications/${file.id}/documents/${image.id}`);
    expect(opened.headers.get('content-type')).toBe('image/png');
    expect(opened.headers.get('content-disposition')).toMatch(/^inline/);
    expect((await page(otherCitizen, `/applications/${file.id}/documents/${image.id}`)).status).toBe(404);

    // A preview of something not of this file shows no viewer.
    expect(await staffPage(file.id, '?preview=00000000-0000-4000-8000-000000000000')).not.toContain(
      'onegate-pdf"',
    );
  });

  it.skipIf(!POPPLER_INSTALLED)(
    'signs the clerk’s own result in place of the generated one, verifiably, and refuses to replace it once signed',
    async () => {
      const file = await received('2026-11-23T14:00:00');
      // Checked like any upload, and only a PDF OneGate can sign.
      const notSignable = await uploadResult(clerk, file.id, PDF_BYTES);
      expect(notSignable.status).toBe(400);
      expect(await notSignable.text()).toContain('href="#result-file"');
      expect((await uploadResult(clerk, file.id, onePixelPng(), 'image/png')).status).toBe(400);
      expect((await uploadResult(citizen, file.id, await letterPdf(['x']))).status).not.toBe(303);

      const first = await letterPdf(['QUYET DINH so 11/QD-UBND', 'Ban nhap dau tien']);
      expect((await uploadResult(clerk, file.id, first)).status).toBe(303);
      const own = await letterPdf(['QUYET DINH so 12/QD-UBND', 'Cap giay chung nhan ho kinh doanh']);
      const replaced = await uploadResult(clerk, file.id, own);
      expect(replaced.status).toBe(303);
      expect(replaced.headers.get('location')).toBe(
        `/staff/applications/${file.id}?notice=resultUploaded#drafted-result`,
      );
      const draft = await page(clerk, `/staff/applications/${file.id}/result/draft`);
      expect(draft.status).toBe(200);
      expect(draft.headers.get('content-type')).toBe('application/pdf');
      expect((await page(citizen, `/staff/applications/${file.id}/result/draft`)).status).not.toBe(200);

      stack.freezeClock(localTime('2026-11-24T10:00:00'));
      expect((await apps.act(clerk, file.id, 'approve')).status).toBe(200);
      await eventually(async () => ((await apps.get(clerk, file.id)).body.signed ? true : undefined));
      const response = await fetch(`${stack.apiUrl}/api/applications/${file.id}/result`, {
        headers: bearer(clerk),
      });
      expect(response.status).toBe(200);
      const signed = Buffer.from(await response.arrayBuffer());

      const verdict = pdfsig(signed);
      expect(verdict.validation, verdict.output).toBe('Signature is Valid.');
      expect(verdict.signer).toBe(SIGNER);
      const text = pdftotext(signed);
      expect(text).toContain('QUYET DINH so 12/QD-UBND');
      expect(text).not.toContain('Ban nhap dau tien');
      expect(text).not.toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
      // The clerk's bytes are kept whole, the signature appended after them.
      expect(signed.subarray(0, own.length - 10).equals(own.subarray(0, own.length - 10))).toBe(true);

      const verified = await request(`${stack.apiUrl}/api/verify/${file.code}`);
      expect(verified.body).toMatchObject({ exists: true, sha256: sha256(signed), signer: SIGNER });
      const upload = new FormData();
      upload.append('file', new Blob([new Uint8Array(signed)], { type: 'application/pdf' }), 'ket-qua.pdf');
      const checked = await fetch(`${stack.apiUrl}/api/verify`, { method: 'POST', body: upload });
      expect(await checked.json()).toMatchObject({ genuine: true, code: file.code });

      const late = await uploadResult(clerk, file.id, await letterPdf(['QUYET DINH so 13/QD-UBND']));
      expect(late.status).toBe(409);
      const html = await staffPage(file.id);
      expect(html).toContain('Ký số bởi hệ thống');
      expect(html).not.toContain('id="action-sign"');
      expect(html).not.toContain('id="result-file"');
    },
  );

  it('offers the paper signature only on a file decided on paper, and the timeline tells the two apart', async () => {
    const online = await received('2026-11-23T15:00:00');
    stack.freezeClock(localTime('2026-11-24T11:00:00'));
    expect((await apps.act(clerk, online.id, 'approve')).status).toBe(200);
    // Decided online: OneGate signs digitally, and the paper signature is not offered, before or after.
    expect(await staffPage(online.id)).not.toContain('id="action-sign"');
    await eventually(async () => ((await apps.get(clerk, online.id)).body.signed ? true : undefined));
    const signedOnline = await staffPage(online.id);
    expect(signedOnline).not.toContain('id="action-sign"');
    expect(signedOnline).toContain('Ký số bởi hệ thống');
    expect(signedOnline).not.toContain('Ký giấy tại quầy');
    // The digitally signed result is offered on the file page; the paper-signed file below has none.
    expect(signedOnline).toContain(`id="signed-result"`);
    expect(signedOnline).toContain(`href="/api/applications/${online.id}/result"`);
    expect((await apps.act(clerk, online.id, 'sign')).status).toBe(409);

    const paper = await received('2026-11-23T15:30:00');
    stack.freezeClock(localTime('2026-11-24T11:30:00'));
    expect((await apps.act(clerk, paper.id, 'approve', { channel: 'offline' })).status).toBe(200);
    expect(await staffPage(paper.id)).toContain('id="action-sign"');
    const signed = await apps.act(clerk, paper.id, 'sign');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const html = await staffPage(paper.id);
    expect(html).toContain('Ký giấy tại quầy');
    expect(html).not.toContain('Ký số bởi hệ thống');
    expect(html).not.toContain('id="action-sign"');
    expect(html).not.toContain('id="signed-result"');
  });
});
