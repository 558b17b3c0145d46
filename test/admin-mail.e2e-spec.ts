import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import type { ApplicationBody } from './support/applications';
import { HOUSEHOLD } from './support/demo-facts';
import { eventually, request } from './support/http';
import { pdftotext, POPPLER_INSTALLED } from './support/poppler';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const NAME_WITH_SCRIPT = 'Vũ <script>alert("x")</script> Thư';
const ESCAPED_NAME = 'Vũ &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Thư';
/** A URL as Handlebars writes it into an attribute. */
const inAttribute = (url: string) => url.replace(/=/g, '&#x3D;');

interface Fetched {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
}

describe(`administrators' mail pages (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let clerk: Tokens;
  let citizen: Tokens;
  const walkIns = [newCitizen(), newCitizen()];
  const codes: string[] = [];
  let messageId = '';

  beforeAll(async () => {
    stack = await TestStack.start();
    const password = stack.config.demoPassword!;
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
  });

  afterAll(() => stack?.stop());

  async function get(path: string, tokens: Tokens | null = admin): Promise<Fetched> {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      headers: tokens ? bearer(tokens) : {},
      redirect: 'manual',
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, text: bytes.toString('utf8'), bytes };
  }

  async function registerAtCounter(walkIn: ReturnType<typeof newCitizen>, fullName: string) {
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: walkIn.nationalId, fullName, email: walkIn.email },
        formData: {
          fullName,
          nationalId: walkIn.nationalId,
          phone: '0912345678',
          businessName: 'Tạp hoá Hộp Thư',
          capital: 50_000_000,
        },
      },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    return registered.body.code!;
  }

  it('lists what the development sink caught, newest first, with recipient, subject and time', async () => {
    codes.push(await registerAtCounter(walkIns[0], NAME_WITH_SCRIPT));
    await eventually(async () => ((await get('/admin/mail')).text.includes(codes[0]) ? true : undefined));
    codes.push(await registerAtCounter(walkIns[1], 'Đinh Văn Sau'));
    const list = await eventually(async () => {
      const page = await get('/admin/mail');
      return page.text.includes(codes[1]) ? page : undefined;
    });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('text/html');
    expect(list.text).toContain(walkIns[0].email);
    expect(list.text).toContain(`Hồ sơ ${codes[0]} đã được tiếp nhận`);
    expect(list.text.indexOf(codes[1])).toBeLessThan(list.text.indexOf(codes[0]));
    expect(list.text).toContain('href="/admin/mail" aria-current="page"');
    const row = list.text.split('<tr').find((candidate) => candidate.includes(codes[0]))!;
    messageId = /href="\/admin\/mail\/([0-9a-f-]{36})"/.exec(row)![1];
  });

  it('shows a message as text, its HTML part in a sandboxed frame, and its attachment for download', async () => {
    const page = await get(`/admin/mail/${messageId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Hồ sơ ${codes[0]} đã được tiếp nhận`);
    expect(page.text).toContain(`Kính gửi ${ESCAPED_NAME},`);
    expect(page.text).not.toContain('<script>alert');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.text).toMatch(new RegExp(`<iframe [^>]*sandbox src="/admin/mail/${messageId}/html"`));

    const frame = await get(`/admin/mail/${messageId}/html`);
    expect(frame.status).toBe(200);
    const policy = frame.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('sandbox');
    expect(policy).not.toContain('script-src');
    expect(frame.text).toContain(ESCAPED_NAME);
    expect(frame.text).not.toContain('<script');

    const fileName = `giay-tiep-nhan-hen-tra-${codes[0]}.pdf`;
    const link = `/admin/mail/${messageId}/attachments/0`;
    expect(page.text).toContain(`href="${link}" download>${fileName}</a>`);
    const file = await get(link);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(`attachment; filename="${fileName}"`);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (POPPLER_INSTALLED) expect(pdftotext(file.bytes)).toContain(codes[0]);
    expect((await get(`/admin/mail/${messageId}/attachments/1`)).status).toBe(404);

    const outbox = await request<{ items: { subject: string; attachments: unknown[] }[] }>(
      `${stack.apiUrl}/api/admin/mail/outbox`,
      { headers: bearer(admin) },
    );
    const caught = outbox.body.items.find((item) => item.subject.includes(codes[0]))!;
    expect(caught.attachments).toEqual([
      { fileName, mediaType: 'application/pdf', sizeBytes: file.bytes.length },
    ]);
  });

  it('answers 404 for a message that is not there', async () => {
    for (const path of [
      '/admin/mail/00000000-0000-4000-8000-000000000000',
      '/admin/mail/not-a-message',
      '/admin/mail/00000000-0000-4000-8000-000000000000/html',
      `/admin/mail/${messageId}/attachments/first`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('previews a template as a page in either language, linked from the procedures page', async () => {
    const procedures = await get('/admin/procedures');
    expect(procedures.text).toContain(`href="${inAttribute('/admin/mail/preview/file_received?lang=vi')}"`);
    const page = await get('/admin/mail/preview/file_received?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Application QN-HL-261123-0001 received');
    expect(page.text).toContain('<code>file_received.en.hbs</code>');
    expect(page.text).toContain('Receipt code: QN-HL-261123-0001');
    expect(page.text).toContain(`href="${inAttribute('/admin/mail/preview/file_received?lang=vi')}"`);
    const src = '/admin/mail/preview/file_received/html?lang=en';
    expect(page.text).toContain(`sandbox src="${inAttribute(src)}"`);
    const frame = await get(src);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-security-policy')).toContain('sandbox');
    expect(frame.text).toContain('<html lang="en">');

    expect((await get('/admin/mail/preview/file_received?lang=fr')).status).toBe(400);
    expect((await get('/admin/mail/preview/no_such_mail?lang=vi')).status).toBe(404);
  });

  it('is for administrators only', async () => {
    const paths = [
      '/admin/mail',
      `/admin/mail/${messageId}`,
      `/admin/mail/${messageId}/html`,
      `/admin/mail/${messageId}/attachments/0`,
      '/admin/mail/preview/file_received?lang=vi',
      '/admin/mail/preview/file_received/html?lang=vi',
    ];
    for (const path of paths) {
      for (const [who, tokens] of [
        ['clerk', clerk],
        ['citizen', citizen],
      ] as const) {
        const answer = await get(path, tokens);
        expect(answer.status, `${path} as ${who}`).toBe(403);
        expect(answer.text).not.toContain(codes[0]);
      }
      expect((await get(path, null)).status, `${path} anonymously`).not.toBe(200);
    }
    expect((await get('/staff/queue', clerk)).text).not.toContain('href="/admin/mail"');
  });
});
