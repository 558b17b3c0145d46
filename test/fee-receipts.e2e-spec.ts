import { createHash } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { bearer, DEMO_ACCOUNTS, newCitizen, registerVerified, signIn } from './support/accounts';
import { confirmOnlinePayment } from './support/payments';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { pdfsig, pdftotext, POPPLER_INSTALLED } from './support/poppler';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const YEAR = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(
  new Date(),
);

describe(`when the fee is due, cash at the counter and electronic receipts (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let citizenEmail: string;
  let clerk: Tokens;
  let admin: Tokens;
  /** The file of the first test: the first payment of the year. */
  let firstPaid = '';

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    const account = newCitizen({ fullName: 'Phạm Thị Thu' });
    citizenEmail = account.email as string;
    citizen = await registerVerified(stack.apiUrl, catcher, account);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  async function feeDue(moment: 'at_submission' | 'before_return') {
    const changed = await request(`${stack.apiUrl}/api/admin/procedures/${HOUSEHOLD}`, {
      method: 'PATCH',
      headers: bearer(admin),
      body: { feeDue: moment },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.feeDue).toBe(moment);
  }

  async function draft(): Promise<string> {
    const created = await apps.create(citizen, HOUSEHOLD, { ...HOUSEHOLD_FORM, fullName: 'Phạm Thị Thu' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await apps.upload(citizen, created.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    return created.body.id;
  }

  async function act(tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) {
    const response = await apps.act(tokens, id, action, fields);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  /** The fee receipts attached to the file, once the worker has made them, as their PDF bytes. */
  async function receipts(id: string, count = 1): Promise<Buffer[]> {
    const attached = await eventually(async () => {
      const found = ((await apps.get(citizen, id)).body.attachments ?? []).filter(
        (attachment) => attachment.documentName === 'form:fee-receipt',
      );
      return found.length >= count ? found : undefined;
    });
    expect(attached).toHaveLength(count);
    return Promise.all(
      attached.map(async (attachment) => {
        const response = await fetch(`${stack.apiUrl}/api/applications/${id}/attachments/${attachment.id}`, {
          headers: bearer(citizen),
        });
        expect(response.status).toBe(200);
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(sha256(bytes)).toBe(attachment.sha256);
        return bytes;
      }),
    );
  }

  it('refuses the submission of a file whose fee is due at submission while it is unpaid, saying so', async () => {
    await feeDue('at_submission');
    try {
      const id = await draft();
      const refused = await apps.act(citizen, id, 'submit');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe('The fee is unpaid: it must be paid before the file is submitted');
      const detail = await apps.get(citizen, id);
      expect(detail.body.state).toBe('draft');
      expect(detail.body).toMatchObject({ feeDue: 'at_submission', waitingForFee: ['submit'] });
      expect(detail.body.allowedActions).not.toContain('submit');
      await confirmOnlinePayment(stack, id, 'PG-SUBMIT');
      firstPaid = id;
      expect((await act(citizen, id, 'submit')).state).toBe('submitted');
    } finally {
      await feeDue('before_return');
    }
  });

  it('refuses the return while the fee is unpaid, takes cash at the counter with its receipt number, and e-mails a signed receipt', async () => {
    // The file of the first test paid first: this one's receipt is the second of the year.
    const id = await draft();
    await act(citizen, id, 'submit');
    await act(clerk, id, 'receive');
    await act(clerk, id, 'approve');
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined));

    const refused = await apps.act(clerk, id, 'return', { channel: 'online' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('The fee is unpaid: it must be paid before the result is returned');
    expect((await apps.get(clerk, id)).body).toMatchObject({ state: 'decided', waitingForFee: ['return'] });

    const noNumber = await apps.act(clerk, id, 'pay');
    expect(noNumber.status).toBe(400);
    expect(JSON.stringify(noNumber.body)).toContain('reference');
    expect(noNumber.body.details).toEqual([
      {
        field: 'reference',
        problems: ['reference is required for an offline payment: the cash receipt number'],
      },
    ]);

    const paid = await act(clerk, id, 'pay', { reference: 'BL-0042' });
    expect((paid as { paid?: boolean }).paid).toBe(true);
    expect((await act(clerk, id, 'return', { channel: 'online' })).state).toBe('returned');

    const [receipt] = await receipts(id);
    if (POPPLER_INSTALLED) {
      expect(pdfsig(receipt!).validation).toBe('Signature is Valid.');
      const text = pdftotext(receipt!);
      expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
      expect(text).toContain('Mẫu số (form): 01BLP0-001');
      expect(text).toContain('Ký hiệu (series): OG-E');
      expect(text).toContain('Số (number): 0000002');
      expect(text).toContain('Người nộp (payer): Phạm Thị Thu');
      expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
      expect(text).toContain('Tổng số tiền (amount): 100.000 đồng');
      expect(text).toContain('Một trăm nghìn đồng');
      expect(text).toContain('Tiền mặt tại quầy');
      expect(text).toContain('BL-0042');
    }
    const mail = await eventually(async () =>
      catcher
        .to(citizenEmail)
        .find((message) => message.attachments.some((file) => file.content.equals(receipt!))),
    );
    expect(mail.subject).toContain('Biên lai thu phí, lệ phí');
    expect(mail.attachments.map((file) => file.filename)).toEqual([
      expect.stringMatching(/^bien-lai-thu-phi-.+\.pdf$/),
    ]);
  });

  it('numbers the first receipt of the year 0000001, and two payments at once get consecutive numbers', async () => {
    const [firstReceipt] = await receipts(firstPaid);
    if (POPPLER_INSTALLED) {
      const text = pdftotext(firstReceipt!);
      expect(text).toContain('Số (number): 0000001');
      expect(text).toMatch(new RegExp(`Ngày thu \\(date\\): \\d\\d:\\d\\d \\d\\d/\\d\\d/${YEAR}`));
      expect(text).toContain('Trực tuyến (online)');
      expect(text).toContain('PG-SUBMIT');
    }

    const [one, two] = [await draft(), await draft()];
    await Promise.all([confirmOnlinePayment(stack, one, 'PG-A'), confirmOnlinePayment(stack, two, 'PG-B')]);
    const numbers: (string | undefined)[] = [];
    for (const id of [one, two]) {
      const [receipt] = await receipts(id);
      if (POPPLER_INSTALLED) numbers.push(/Số \(number\): (\d{7})/.exec(pdftotext(receipt!))?.[1]);
    }
    if (POPPLER_INSTALLED) expect(numbers.sort()).toEqual(['0000003', '0000004']);
  });
});
