import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Agency } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const CODE = '1.003701';
const LIMIT = 40;

interface StepBody {
  position: number;
  nameVi: string;
  nameEn: string;
  holderRole: string;
  holderAgencyId: string | null;
  budgetHours: number;
}

/** The procedure's fields as the page posts them (the step rows come on top). */
const PROCEDURE_FIELDS = {
  nameVi: 'Cấp giấy phép khai thác cát',
  nameEn: 'Sand extraction permit',
  field: 'Tài nguyên',
  agencyCode: 'QN-HL',
  processingHours: String(LIMIT),
  onlineLevel: 'partial',
  feeVnd: '0',
  supplementPolicy: 'pause',
  requiredDocuments: '[]',
  formSchema: '[]',
  retentionDays: '3650',
};

/** Text as the page writes it into an attribute. */
const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe(`the procedure page's step editor (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let cookie = '';
  let taxOfficeId = '';

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    cookie = `onegate_session=${admin.accessToken}`;
    const agencies = await stack.apiDataSource.getRepository(Agency).find();
    taxOfficeId = agencies.find((agency) => agency.code === 'QN-THUE-HL')!.id;
    const created = await request(`${stack.apiUrl}/api/admin/procedures`, {
      method: 'POST',
      headers: bearer(admin),
      body: {
        ...PROCEDURE_FIELDS,
        code: CODE,
        processingHours: LIMIT,
        feeVnd: 0,
        retentionDays: 3650,
        requiredDocuments: [],
        formSchema: [],
      },
    });
    expect(created.status).toBe(201);
  });

  afterAll(() => stack?.stop());

  const page = async (lang = 'vi') => {
    const response = await fetch(`${stack.apiUrl}/admin/procedures/${CODE}`, {
      headers: { cookie: `${cookie}; onegate_lang=${lang}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const post = async (fields: Record<string, string>, lang = 'vi') => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page(lang))![1];
    const response = await fetch(`${stack.apiUrl}/admin/procedures/${CODE}`, {
      method: 'POST',
      headers: {
        cookie: `${cookie}; onegate_lang=${lang}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf, ...PROCEDURE_FIELDS, ...fields }).toString(),
      redirect: 'manual',
    });
    return { status: response.status, html: await response.text() };
  };
  const savedSteps = async () =>
    (await request<{ steps: StepBody[] }>(`${stack.apiUrl}/api/procedures/${CODE}`)).body.steps;
  const inputValue = (html: string, name: string) =>
    new RegExp(`name="${name}" type="text" value="([^"]*)"`).exec(html)?.[1];
  const selected = (html: string, name: string) => {
    const select = new RegExp(`<select[^>]* name="${name}">([\\s\\S]*?)</select>`).exec(html)![1];
    return /<option value="([^"]*)" selected>/.exec(select)?.[1] ?? '';
  };

  /** Two rows typed: reception 8 h at the desk, the tax office's part `taxHours` h by its leader. */
  const twoRows = (taxHours: string) => ({
    stepRows: '2',
    'step-1-nameVi': 'Tiếp nhận & kiểm tra "hồ sơ"',
    'step-1-nameEn': 'Reception',
    'step-1-holderRole': 'clerk',
    'step-1-holderAgencyId': '',
    'step-1-budgetHours': '8',
    'step-2-nameVi': 'Xác định nghĩa vụ tài chính',
    'step-2-nameEn': 'Tax assessment',
    'step-2-holderRole': 'supervisor',
    'step-2-holderAgencyId': taxOfficeId,
    'step-2-budgetHours': taxHours,
  });

  it('adds and moves rows without saving anything', async () => {
    expect(await page()).toContain('name="stepRows" value="0"');
    const added = await post({ stepRows: '0', stepCommand: 'add' });
    expect(added.status).toBe(200);
    expect(added.html).toContain('name="stepRows" value="1"');
    expect(inputValue(added.html, 'step-1-nameVi')).toBe('');

    const moved = await post({ ...twoRows('32'), stepCommand: 'down-1' });
    expect(moved.status).toBe(200);
    expect(inputValue(moved.html, 'step-1-nameVi')).toBe('Xác định nghĩa vụ tài chính');
    expect(selected(moved.html, 'step-1-holderAgencyId')).toBe(taxOfficeId);
    expect(inputValue(moved.html, 'step-2-nameVi')).toBe(attribute('Tiếp nhận & kiểm tra "hồ sơ"'));

    const removed = await post({ ...twoRows('32'), stepCommand: 'remove-1' });
    expect(removed.html).toContain('name="stepRows" value="1"');
    expect(inputValue(removed.html, 'step-1-nameEn')).toBe('Tax assessment');
    expect(await savedSteps()).toEqual([]);
  });

  it('refuses budgets that do not add up, in plain words, keeping every row as typed', async () => {
    for (const [lang, words] of [
      ['vi', 'tổng số giờ của các bước là 38, chưa bằng thời hạn giải quyết 40 giờ'],
      ['en', "the steps' hours add up to 38, not to the processing time of 40 hours"],
    ] as const) {
      const refused = await post(twoRows('30'), lang);
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('id="steps-error"');
      expect(refused.html).toContain(attribute(words));
      expect(inputValue(refused.html, 'step-1-nameVi')).toBe(attribute('Tiếp nhận & kiểm tra "hồ sơ"'));
      expect(inputValue(refused.html, 'step-2-budgetHours')).toBe('30');
      expect(selected(refused.html, 'step-2-holderRole')).toBe('supervisor');
      expect(selected(refused.html, 'step-2-holderAgencyId')).toBe(taxOfficeId);
    }
    const wrongHours = await post({ ...twoRows('many') });
    expect(wrongHours.status).toBe(400);
    expect(wrongHours.html).toContain('Bước 2, Thời gian (giờ làm việc)');
    expect(inputValue(wrongHours.html, 'step-2-budgetHours')).toBe('many');
    expect(await savedSteps()).toEqual([]);
  });

  it('saves the process typed on the page, then keeps it when a page without the editor posts', async () => {
    const saved = await post(twoRows('32'));
    expect(saved.status).toBe(303);
    const expected = [
      {
        position: 1,
        nameVi: 'Tiếp nhận & kiểm tra "hồ sơ"',
        nameEn: 'Reception',
        holderRole: 'clerk',
        holderAgencyId: null,
        budgetHours: 8,
      },
      {
        position: 2,
        nameVi: 'Xác định nghĩa vụ tài chính',
        nameEn: 'Tax assessment',
        holderRole: 'supervisor',
        holderAgencyId: taxOfficeId,
        budgetHours: 32,
      },
    ];
    expect(
      (await savedSteps()).map(({ position, nameVi, nameEn, holderRole, holderAgencyId, budgetHours }) => ({
        position,
        nameVi,
        nameEn,
        holderRole,
        holderAgencyId,
        budgetHours,
      })),
    ).toEqual(expected);
    const shown = await page();
    expect(shown).toContain('name="stepRows" value="2"');
    expect(shown).toContain('Tổng thời gian các bước: 40 giờ, bằng thời hạn giải quyết 40 giờ.');

    expect((await post({ feeVnd: '5000' })).status).toBe(303);
    expect(await savedSteps()).toHaveLength(2);
    const cleared = await post({ stepRows: '0' });
    expect(cleared.status).toBe(303);
    expect(await savedSteps()).toEqual([]);
  });
});
