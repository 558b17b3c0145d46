import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { ApplicationsClient, EXECUTABLE_BYTES, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM, RECORD } from './support/demo-facts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICANT = 'Hà Thị Quầy';

describe(`the counter: the desk's procedures first, paper documents digitised (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let clerk: Tokens;
  let apps: ApplicationsClient;
  let cookie: string;

  const counterPage = async () => {
    const page = await fetch(`${stack.apiUrl}/staff/counter?procedure=${HOUSEHOLD}`, { headers: { cookie } });
    return page.text();
  };

  const register = async (scan: Buffer, fileName: string) => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await counterPage())![1]!;
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('procedureCode', HOUSEHOLD);
    form.append('applicantNationalId', '022190008765');
    form.append('applicantFullName', APPLICANT);
    form.append('applicantPhone', '0977 111 222');
    for (const [name, value] of Object.entries(HOUSEHOLD_FORM)) form.append(name, String(value));
    form.append('scan-0', new Blob([new Uint8Array(scan)], { type: 'application/pdf' }), fileName);
    const answer = await fetch(`${stack.apiUrl}/staff/counter`, {
      method: 'POST',
      headers: { cookie },
      body: form,
      redirect: 'manual',
    });
    return { status: answer.status, location: answer.headers.get('location'), text: await answer.text() };
  };

  const filesOf = async (name: string) => {
    const found = await request<{ items: { id: string }[] }>(
      `${stack.apiUrl}/api/applications?${new URLSearchParams({ q: name, limit: '100' })}`,
      { headers: bearer(clerk) },
    );
    return found.body.items.map((item) => item.id);
  };

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    cookie = `onegate_session=${clerk.accessToken}; onegate_lang=vi`;
  });

  afterAll(() => stack?.stop());

  it('offers the procedures of the clerk’s own agency first, then every other one', async () => {
    const html = await counterPage();
    const own = html.indexOf('<optgroup label="Thủ tục của cơ quan">');
    const other = html.indexOf(
      '<optgroup label="Thủ tục khác — tiếp nhận không phụ thuộc địa giới hành chính">',
    );
    // The demo clerk sits at Ha Long City (QN-HL): household registration is theirs, criminal records the Department of Justice's.
    const household = html.indexOf(`<option value="${HOUSEHOLD}"`);
    const record = html.indexOf(`<option value="${RECORD}"`);
    expect(own).toBeGreaterThan(-1);
    expect(own).toBeLessThan(household);
    expect(household).toBeLessThan(other);
    expect(other).toBeLessThan(record);
    expect(html).toContain('capture="environment"');
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('refuses a scan that is not a PDF, JPG or PNG, keeps what was typed and registers nothing', async () => {
    const refused = await register(EXECUTABLE_BYTES, 'scan.pdf');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`${HOUSEHOLD_DOCUMENT}: phải là tệp PDF, JPG hoặc PNG`);
    expect(refused.text).toContain(`value="${APPLICANT}"`);
    expect(refused.text).toContain('value="0977 111 222"');
    expect(refused.text).toContain(`value="${HOUSEHOLD_FORM.businessName}"`);
    expect(await filesOf(APPLICANT)).toEqual([]);
  });

  it('attaches the scanned document at registration, marked digitised in the API and on the file page', async () => {
    const registered = await register(PDF_BYTES, 'giay-de-nghi.pdf');
    expect(registered.status, registered.text.slice(0, 2000)).toBe(303);
    const id = /^\/staff\/applications\/([0-9a-f-]{36})\?notice=registered$/.exec(
      registered.location ?? '',
    )![1]!;
    const file = await apps.get(clerk, id);
    expect(file.body.state).toBe('received');
    const scans = (file.body.attachments ?? []).filter(
      (attachment) => attachment.documentName === HOUSEHOLD_DOCUMENT,
    );
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({
      mediaType: 'application/pdf',
      digitised: true,
      origin: 'scanned',
      source: null,
      originalName: 'giay-de-nghi.pdf',
    });
    // The receipt OneGate issued is a form of its own, never a digitised paper.
    const issued = (file.body.attachments ?? []).filter(
      (attachment) => attachment.documentName !== HOUSEHOLD_DOCUMENT,
    );
    expect(issued.every((attachment) => !(attachment as { digitised?: boolean }).digitised)).toBe(true);
    const page = await (
      await fetch(`${stack.apiUrl}/staff/applications/${id}`, { headers: { cookie } })
    ).text();
    expect(page).toContain('Bản số hoá tại quầy');
    expect(await filesOf('0977111222')).toEqual([id]);
  });
});
