import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Agency, Attachment } from '@onegate/persistence';

import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { createProcedureWithSteps } from './support/transfer-procedure';
import { TestStack } from './support/test-stack';

const CODE = '1.004402';
const TAX_CLERK = 'thue@demo.onegate.vn';
/** The demo citizen's number: a paper file registered with it appears in their account. */
const CITIZEN_NATIONAL_ID = '022090001234';
const TAX_STEP_NAME = 'Xác định nghĩa vụ tài chính';
/** The eight bytes every PNG begins with, then a header chunk: enough for the type to be sniffed. */
const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

/** Words in a file named like a PDF: refused by its content. */
const DISGUISED = Buffer.from('plain words, not a document');

interface ReturnedBy {
  agencyId: string;
  step: number;
  stepName: string | null;
}
interface FileBody extends Omit<ApplicationBody, 'events' | 'attachments'> {
  step: { position: number; agencyId: string } | null;
  attachments?: { id: string; originalName: string; mediaType: string; returnedBy: ReturnedBy | null }[];
  events?: { type: string; data: Record<string, unknown> }[];
}

/** Three steps: the desk, the tax office (a transfer), the leader; 8 + 8 + 8 = 24 hours. */
const STEPS = (taxOfficeId: string) => [
  { nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', holderRole: 'clerk', budgetHours: 8 },
  {
    nameVi: TAX_STEP_NAME,
    nameEn: 'Tax assessment',
    holderRole: 'clerk',
    holderAgencyId: taxOfficeId,
    budgetHours: 8,
  },
  { nameVi: 'Ký kết quả', nameEn: 'Signature', holderRole: 'supervisor', budgetHours: 8 },
];

describe(`documents a transfer agency returns with the file (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let clerk: Tokens;
  let supervisor: Tokens;
  let taxClerk: Tokens;
  let citizen: Tokens;
  let bystander: Tokens;
  let taxOfficeId = '';
  let fileId = '';
  let returnedIds: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, password);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    taxClerk = await signIn(stack.apiUrl, TAX_CLERK, password);
    bystander = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
    taxOfficeId = (await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-THUE-HL' }))
      .id;
    expect(await createProcedureWithSteps(stack.apiUrl, admin, CODE, STEPS(taxOfficeId))).toBe(201);
    const registered = await request<FileBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: CODE,
        applicant: { nationalId: CITIZEN_NATIONAL_ID, fullName: 'Nguyễn Văn Công Dân' },
        formData: {},
      },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    fileId = registered.body.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const read = (tokens: Tokens) =>
    apps.get(tokens, fileId) as unknown as Promise<{ status: number; body: FileBody }>;
  /** A forward as multipart: its fields and its `documents` files. */
  const forwardWith = async (
    tokens: Tokens,
    fields: Record<string, string>,
    files: { bytes: Buffer; name: string; part?: string }[],
  ) => {
    const form = new FormData();
    form.append('action', 'forward');
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files)
      form.append(file.part ?? 'documents', new Blob([new Uint8Array(file.bytes)]), file.name);
    const response = await fetch(`${stack.apiUrl}/api/applications/${fileId}/actions`, {
      method: 'POST',
      headers: bearer(tokens),
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const download = (tokens: Tokens, attachmentId: string) =>
    fetch(`${stack.apiUrl}/api/applications/${fileId}/attachments/${attachmentId}`, {
      headers: bearer(tokens),
    });
  /** How many stored files hold exactly these bytes. */
  const storedCopiesOf = (bytes: Buffer) =>
    readdirSync(stack.config.storageDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .filter((entry) => readFileSync(join(entry.parentPath, entry.name)).equals(bytes)).length;
  const attachmentsOfFile = () =>
    stack.apiDataSource.getRepository(Attachment).findBy({ applicationId: fileId });
  const returnedRows = async () =>
    (await attachmentsOfFile()).filter((attachment) => attachment.returnedByAgencyId !== null);

  const cookieOf = (tokens: Tokens) => `onegate_session=${tokens.accessToken}; onegate_lang=vi`;
  const staffPage = async (tokens: Tokens) => {
    const shown = await fetch(`${stack.apiUrl}/staff/applications/${fileId}`, {
      headers: { cookie: cookieOf(tokens) },
    });
    expect(shown.status).toBe(200);
    return shown.text();
  };

  it("takes documents only on the forward of a transferred step's agency, naming documents", async () => {
    const refused = await forwardWith(clerk, {}, [{ bytes: PDF_BYTES, name: 'note.pdf' }]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('"field":"documents"');
    expect((await read(clerk)).body.step).toMatchObject({ position: 1 });
    // Without documents the desk forwards to the tax office as before.
    const forwarded = await apps.act(clerk, fileId, 'forward');
    expect(forwarded.status).toBe(200);
    expect((await read(clerk)).body.step).toMatchObject({ position: 2, agencyId: taxOfficeId });
  });

  it('refuses a file that is not a PDF, JPG or PNG, or a fourth file, and keeps nothing', async () => {
    const pdfCopies = storedCopiesOf(PDF_BYTES);
    const wrongKind = await forwardWith(taxClerk, { opinion: 'Thuế 2%', amountDue: '1250000' }, [
      { bytes: PDF_BYTES, name: 'thong-bao-thue.pdf' },
      { bytes: DISGUISED, name: 'disguised.pdf' },
    ]);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.details).toEqual([
      { field: 'documents', problems: [expect.stringContaining('must be one of')] },
    ]);
    const tooMany = await forwardWith(
      taxClerk,
      {},
      [1, 2, 3, 4].map((n) => ({ bytes: PDF_BYTES, name: `notice-${n}.pdf` })),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details).toEqual([{ field: 'documents', problems: ['at most 3 files'] }]);
    const strayPart = await forwardWith(taxClerk, {}, [{ bytes: PDF_BYTES, name: 'a.pdf', part: 'file' }]);
    expect(strayPart.status).toBe(400);
    expect(JSON.stringify(strayPart.body)).toContain('"field":"file"');
    expect(storedCopiesOf(PDF_BYTES)).toBe(pdfCopies);
    expect(storedCopiesOf(DISGUISED)).toBe(0);
    expect(await returnedRows()).toEqual([]);
    const still = await read(taxClerk);
    expect(still.status).toBe(200);
    expect(still.body.step).toMatchObject({ position: 2 });
  });

  it("offers the documents on the tax office's forward form, which works without scripts", async () => {
    const html = await staffPage(taxClerk);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('id="forward-documents" name="documents" type="file" multiple');
    expect(await staffPage(clerk)).not.toContain('name="documents"');
    const form = new FormData();
    form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(html)![1]!);
    form.append('action', 'forward');
    form.append('opinion', 'Thuế 2%');
    form.append('documents', new Blob([new Uint8Array(DISGUISED)]), 'ghi-chu.pdf');
    const posted = await fetch(`${stack.apiUrl}/staff/applications/${fileId}/actions`, {
      method: 'POST',
      headers: { cookie: cookieOf(taxClerk), origin: stack.apiUrl },
      body: form,
      redirect: 'manual',
    });
    expect(posted.status).toBe(400);
    const refused = await posted.text();
    expect(refused).toContain('id="forward-documents-error"');
    expect(refused).toContain('Thuế 2%');
    expect(await returnedRows()).toEqual([]);
    expect(storedCopiesOf(DISGUISED)).toBe(0);
    expect((await read(taxClerk)).body.step).toMatchObject({ position: 2 });
  });

  it('stores the returned documents, marked with the agency and the step, and records them in the event', async () => {
    const pdfCopies = storedCopiesOf(PDF_BYTES);
    const forwarded = await forwardWith(
      taxClerk,
      { opinion: 'Thuế thu nhập cá nhân 2%', amountDue: '1250000' },
      [
        { bytes: PDF_BYTES, name: 'Thông báo thuế.pdf' },
        { bytes: PNG_BYTES, name: 'bien-lai.png' },
      ],
    );
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(storedCopiesOf(PDF_BYTES)).toBe(pdfCopies + 1);
    expect(storedCopiesOf(PNG_BYTES)).toBe(1);
    expect(
      (await returnedRows()).map((row) => [row.originalName, row.returnedByAgencyId, row.returnedAtStep]),
    ).toEqual([
      ['Thông báo thuế.pdf', taxOfficeId, 2],
      ['bien-lai.png', taxOfficeId, 2],
    ]);

    const file = (await read(clerk)).body;
    const returned = file.attachments!.filter((attachment) => attachment.returnedBy !== null);
    expect(returned.map((attachment) => [attachment.originalName, attachment.mediaType])).toEqual([
      ['Thông báo thuế.pdf', 'application/pdf'],
      ['bien-lai.png', 'image/png'],
    ]);
    for (const attachment of returned)
      expect(attachment.returnedBy).toEqual({ agencyId: taxOfficeId, step: 2, stepName: TAX_STEP_NAME });
    returnedIds = returned.map((attachment) => attachment.id);
    expect(file.events!.at(-1)).toMatchObject({
      type: 'forward',
      data: { opinion: 'Thuế thu nhập cá nhân 2%', amountDue: 1_250_000, documents: returnedIds, step: 3 },
    });
  });

  it("lets the competent agency's clerk and supervisor open them", async () => {
    const opened = await download(clerk, returnedIds[0]!);
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(PDF_BYTES);
    const image = await download(supervisor, returnedIds[1]!);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it("shows them on the competent agency's page with the agency and the step, and links them in the timeline", async () => {
    const html = await staffPage(clerk);
    expect(html).toContain('Kết quả phối hợp');
    expect(html).toContain('Chi cục Thuế thành phố Hạ Long');
    expect(html).toContain(TAX_STEP_NAME);
    // Handlebars writes `=` in an attribute as `&#x3D;`.
    expect(html).toContain(`/staff/applications/${fileId}?preview&#x3D;${returnedIds[0]}#preview`);
    expect(html).toContain(
      `Văn bản trả kèm: <a class="govuk-link" href="/applications/${fileId}/documents/${returnedIds[0]}"`,
    );
    const previewed = await fetch(`${stack.apiUrl}/staff/applications/${fileId}?preview=${returnedIds[0]}`, {
      headers: { cookie: cookieOf(clerk) },
    });
    expect(await previewed.text()).toContain('pdf-preview.mjs');
    const opened = await fetch(`${stack.apiUrl}/applications/${fileId}/documents/${returnedIds[0]}`, {
      headers: { cookie: cookieOf(clerk) },
    });
    expect(opened.status).toBe(200);
  });

  it('answers 404 to the applicant, a third agency and the tax office once its step is left', async () => {
    const mine = await read(citizen);
    expect(mine.status).toBe(200);
    expect(mine.body.attachments!.map((attachment) => attachment.id)).not.toContain(returnedIds[0]);
    expect(JSON.stringify(mine.body.events)).not.toContain(returnedIds[0]);
    for (const tokens of [citizen, bystander, taxClerk]) {
      for (const id of returnedIds) expect((await download(tokens, id)).status).toBe(404);
    }
    const onThePortal = await fetch(`${stack.apiUrl}/applications/${fileId}/documents/${returnedIds[0]}`, {
      headers: { cookie: cookieOf(citizen) },
    });
    expect(onThePortal.status).toBe(404);
  });
});
