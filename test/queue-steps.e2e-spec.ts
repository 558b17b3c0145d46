import { randomUUID } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { Agency } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient } from './support/applications';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const CODE = '1.004402';
const TAX_CLERK = 'thue@demo.onegate.vn';

interface QueueItem {
  id: string;
  code: string;
  step: { position: number; nameVi?: string; nameEn?: string; dueAt: string | null } | null;
}

interface BulkAnswer {
  done: number;
  failed: number;
  results: { id: string; done: boolean; status?: number; state?: string }[];
}

/** The desk, the specialist, the tax office (a transfer), the leader: 4 + 8 + 8 + 4 = 24 hours. */
const STEPS = (taxOfficeId: string) => [
  { nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', holderRole: 'clerk', budgetHours: 4 },
  { nameVi: 'Thẩm định hồ sơ', nameEn: 'Examination', holderRole: 'clerk', budgetHours: 8 },
  {
    nameVi: 'Xác định nghĩa vụ tài chính',
    nameEn: 'Tax assessment',
    holderRole: 'clerk',
    holderAgencyId: taxOfficeId,
    budgetHours: 8,
  },
  { nameVi: 'Ký kết quả', nameEn: 'Signature', holderRole: 'supervisor', budgetHours: 4 },
];

/** Three applicants, each with their own number, phone and name, so each search finds one file. */
const APPLICANTS = [
  { nationalId: '022090011101', phone: '0912 111 101', fullName: 'Lương Thị Chuyển' },
  { nationalId: '022090011102', phone: '0912 111 102', fullName: 'Lương Văn Thẩm' },
  { nationalId: '022090011103', phone: '0912 111 103', fullName: 'Lương Minh Nhận' },
];

describe(`the queue and the processing steps (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let clerk: Tokens;
  let taxClerk: Tokens;
  // transferred: forwarded on to the tax office; examined: at step 2; waiting: still at step 1.
  const files: Record<'transferred' | 'examined' | 'waiting', { id: string; code: string }> = {} as never;

  const queue = async (tokens: Tokens, query: Record<string, string>) => {
    const answer = await request<{ items: QueueItem[] }>(
      `${stack.apiUrl}/api/applications?${new URLSearchParams(query)}`,
      { headers: bearer(tokens) },
    );
    return answer;
  };
  const codesOf = async (tokens: Tokens, query: Record<string, string>) =>
    ((await queue(tokens, { procedure: CODE, ...query })).body.items ?? []).map((item) => item.code).sort();

  const register = async (applicant: (typeof APPLICANTS)[number]) => {
    const registered = await request<{ id: string; code: string }>(
      `${stack.apiUrl}/api/applications/counter`,
      {
        method: 'POST',
        headers: bearer(clerk),
        body: { procedureCode: CODE, applicant, formData: {} },
      },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    return { id: registered.body.id, code: registered.body.code };
  };

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    taxClerk = await signIn(stack.apiUrl, TAX_CLERK, password);
    const taxOffice = await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-THUE-HL' });
    const created = await request(`${stack.apiUrl}/api/admin/procedures`, {
      method: 'POST',
      headers: bearer(admin),
      body: {
        code: CODE,
        nameVi: 'Thủ tục thử nghiệm hàng đợi theo bước',
        nameEn: 'Test procedure for the queue by step',
        field: 'Đất đai',
        agencyCode: 'QN-HL',
        processingHours: 24,
        onlineLevel: 'partial',
        feeVnd: 0,
        supplementPolicy: 'pause',
        requiredDocuments: [],
        formSchema: [],
        steps: STEPS(taxOffice.id),
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The file still at step 1 was received long ago (Tuesday 3 November 2026, 09:00 in Viet Nam):
    // its step's 4 working hours are long past.
    stack.freezeClock(new Date('2026-11-03T02:00:00Z'));
    files.waiting = await register(APPLICANTS[2]!);
    stack.freezeClock(null);
    files.transferred = await register(APPLICANTS[0]!);
    files.examined = await register(APPLICANTS[1]!);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  it('forwards several files to their next step, each through its own action, reporting the one it cannot', async () => {
    const unknown = randomUUID();
    const answer = await request<BulkAnswer>(`${stack.apiUrl}/api/applications/bulk-actions`, {
      method: 'POST',
      headers: bearer(clerk),
      body: { action: 'forward', ids: [files.transferred.id, files.examined.id, unknown] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect([answer.body.done, answer.body.failed]).toEqual([2, 1]);
    expect(answer.body.results.map((result) => [result.id, result.done, result.status])).toEqual([
      [files.transferred.id, true, undefined],
      [files.examined.id, true, undefined],
      [unknown, false, 404],
    ]);
    for (const file of [files.transferred, files.examined]) {
      const read = await apps.get(clerk, file.id);
      expect(read.body.state).toBe('in_progress');
      const events = read.body.events ?? [];
      expect(events.filter((event) => event.type === 'forward')).toHaveLength(1);
      expect(events.at(-1)!.data).toMatchObject({ step: 2, stepName: 'Thẩm định hồ sơ' });
    }
    // A named person cannot be given to a whole batch: each file's next step has its own unit.
    const named = await request(`${stack.apiUrl}/api/applications/bulk-actions`, {
      method: 'POST',
      headers: bearer(clerk),
      body: { action: 'forward', ids: [files.examined.id], assigneeId: randomUUID() },
    });
    expect(named.status).toBe(400);
    expect(JSON.stringify(named.body)).toContain('assigneeId');

    const onward = await apps.act(clerk, files.transferred.id, 'forward');
    expect(onward.status, JSON.stringify(onward.body)).toBe(200);
  });

  it('filters by step, names each file’s current step, and refuses a step without its procedure', async () => {
    expect(await codesOf(clerk, { step: '1' })).toEqual([files.waiting.code]);
    expect(await codesOf(clerk, { step: '2' })).toEqual([files.examined.code]);
    expect(await codesOf(clerk, { step: '3' })).toEqual([files.transferred.code]);
    expect(await codesOf(clerk, { step: '4' })).toEqual([]);

    const listed = (await queue(clerk, { procedure: CODE })).body.items;
    const examined = listed.find((item) => item.id === files.examined.id)!;
    expect(examined.step).toMatchObject({ position: 2, nameVi: 'Thẩm định hồ sơ', nameEn: 'Examination' });

    const alone = await queue(clerk, { step: '2' });
    expect(alone.status).toBe(400);
    expect(JSON.stringify(alone.body)).toContain('"field":"step"');
    const beyond = await queue(clerk, { procedure: CODE, step: '5' });
    expect(beyond.status).toBe(400);
    expect(JSON.stringify(beyond.body)).toContain('has 4 steps');
    const notANumber = await queue(clerk, { procedure: CODE, step: 'two' });
    expect(notANumber.status).toBe(400);
    expect(JSON.stringify(notANumber.body)).toContain('step');
  });

  it('holder=unit lists the files whose current step the caller’s unit holds and nobody took over', async () => {
    expect(await codesOf(clerk, { holder: 'unit' })).toEqual(
      [files.examined.code, files.waiting.code].sort(),
    );
    expect(await codesOf(taxClerk, { holder: 'unit' })).toEqual([files.transferred.code]);
    const supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    expect(await codesOf(supervisor, { holder: 'unit' })).toEqual([]);

    const taken = await apps.act(clerk, files.examined.id, 'take_over');
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(await codesOf(clerk, { holder: 'unit' })).toEqual([files.waiting.code]);
  });

  it('lets the transfer agency find its file by receipt code only, never by number, phone or name', async () => {
    const applicant = APPLICANTS[0]!;
    // The file is in the tax office's queue, and the file's own agency finds it by each search.
    expect(await codesOf(taxClerk, {})).toEqual([files.transferred.code]);
    for (const q of [applicant.nationalId, applicant.phone, applicant.fullName, 'luong thi chuyen']) {
      expect(await codesOf(clerk, { q }), q).toEqual([files.transferred.code]);
    }
    for (const q of [applicant.nationalId, applicant.phone, '+84912111101', applicant.fullName, 'chuyen']) {
      const found = await queue(taxClerk, { q });
      expect(found.status).toBe(200);
      expect(
        found.body.items.map((item) => item.id),
        q,
      ).not.toContain(files.transferred.id);
    }
    expect((await queue(taxClerk, { q: files.transferred.code })).body.items.map((item) => item.id)).toEqual([
      files.transferred.id,
    ]);
  });

  it('on the page, filters by a step kept in the URL, shows each current step and forwards ticked files', async () => {
    const cookie = `onegate_session=${clerk.accessToken}; onegate_lang=en`;
    const page = await fetch(`${stack.apiUrl}/staff/queue?procedure=${CODE}&step=1`, { headers: { cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<option value="1" selected>Step 1 – Reception</option>');
    expect(html).toContain('<option value="4">Step 4 – Signature</option>');
    expect(html).toContain(files.waiting.code);
    expect(html).not.toContain(files.examined.code);
    const back = /name="back" value="([^"]*)"/
      .exec(html)![1]!
      .replaceAll('&#x3D;', '=')
      .replaceAll('&amp;', '&');
    expect(new URLSearchParams(back).get('step')).toBe('1');
    const row = rowOf(html, files.waiting.code);
    expect(row).toContain('Step 1: Reception');
    expect(row).toContain('step due');
    expect(row).toContain('Step overdue');

    const all = await (
      await fetch(`${stack.apiUrl}/staff/queue?procedure=${CODE}`, { headers: { cookie } })
    ).text();
    expect(rowOf(all, files.examined.code)).toContain('Step 2: Examination');
    expect(rowOf(all, files.examined.code)).not.toContain('Step overdue');

    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const form = new URLSearchParams({ _csrf: csrf, action: 'forward', back, ids: files.waiting.id });
    const posted = await fetch(`${stack.apiUrl}/staff/queue/bulk`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('1 file forwarded');
    expect(await codesOf(clerk, { step: '2' })).toEqual([files.examined.code, files.waiting.code].sort());
  });
});

/** The table row of the queue page that links to a file's code. */
function rowOf(html: string, code: string): string {
  return html.split('<tr class="govuk-table__row">').find((row) => row.includes(code)) ?? '';
}
