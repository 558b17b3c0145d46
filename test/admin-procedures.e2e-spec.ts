import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DemoRole } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

interface ProcedureBody {
  code: string;
  nameVi: string;
  nameEn: string;
  field: string;
  agencyCode: string;
  processingHours: number;
  feeVnd: number;
  resultTemplate: string | null;
  retired: boolean;
  formSchema: Record<string, unknown>[];
  requiredDocuments: Record<string, unknown>[];
}

interface PageBody {
  items: ProcedureBody[];
  total: number;
}

interface ErrorBody {
  statusCode: number;
  message: string;
  details?: { field: string; problems: string[] }[];
}

const MB = 1024 * 1024;

/** A complete, valid creation request; each test spoils one part of it. */
function procedureRequest(code: string): Record<string, unknown> {
  return {
    code,
    nameVi: 'Cấp giấy phép tổ chức lễ hội',
    nameEn: 'Permit to hold a festival',
    field: 'Văn hóa cơ sở',
    agencyCode: 'QN-HL',
    processingHours: 40,
    onlineLevel: 'partial',
    feeVnd: 0,
    supplementPolicy: 'pause',
    requiredDocuments: [
      { name: 'Văn bản đề nghị', mandatory: true, acceptedTypes: ['application/pdf'], maxSizeBytes: 5 * MB },
      {
        name: 'Chương trình lễ hội',
        mandatory: false,
        acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
        maxSizeBytes: 20 * MB,
      },
    ],
    formSchema: [
      { name: 'organiser', label: { vi: 'Đơn vị tổ chức', en: 'Organiser' }, type: 'text', required: true },
      {
        name: 'scale',
        label: { vi: 'Quy mô', en: 'Scale' },
        type: 'select',
        required: true,
        options: ['Cấp xã', 'Cấp huyện', 'Cấp tỉnh'],
      },
      { name: 'guests', label: { vi: 'Số khách', en: 'Guests' }, type: 'number', min: 1, max: 100_000 },
      {
        name: 'contactPhone',
        label: { vi: 'Điện thoại', en: 'Phone' },
        type: 'phone',
        pattern: '^0\\d{9}$',
      },
    ],
    resultTemplate: 'Giấy phép số {{number}}',
  };
}

describe(`procedure administration (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let api: string;
  const headers = {} as Record<DemoRole, Record<string, string>>;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    api = stack.apiUrl;
    for (const role of Object.keys(DEMO_ACCOUNTS) as DemoRole[]) {
      headers[role] = bearer(await signIn(api, DEMO_ACCOUNTS[role], stack.config.demoPassword!));
    }
  });

  afterAll(() => stack?.stop());

  const create = (body: unknown) =>
    request<ProcedureBody & ErrorBody>(`${api}/api/admin/procedures`, {
      method: 'POST',
      headers: headers.admin,
      body,
    });
  const patch = (code: string, body: unknown) =>
    request<ProcedureBody & ErrorBody>(`${api}/api/admin/procedures/${code}`, {
      method: 'PATCH',
      headers: headers.admin,
      body,
    });
  const search = (query: string) => request<PageBody>(`${api}/api/procedures?${query}`);
  const codesFound = async (query: string) => (await search(query)).body.items.map((item) => item.code);
  const fieldsOf = (body: ErrorBody) => (body.details ?? []).map((detail) => detail.field).sort();

  it('creates a procedure that anyone can then find and read', async () => {
    const created = await create(procedureRequest('1.003645'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: '1.003645',
      agencyCode: 'QN-HL',
      processingHours: 40,
      onlineLevel: 'partial',
      supplementPolicy: 'pause',
      resultTemplate: 'Giấy phép số {{number}}',
      retired: false,
    });
    expect(created.body.formSchema[1]).toEqual({
      name: 'scale',
      label: { vi: 'Quy mô', en: 'Scale' },
      type: 'select',
      required: true,
      options: ['Cấp xã', 'Cấp huyện', 'Cấp tỉnh'],
    });
    const read = await request<ProcedureBody>(`${api}/api/procedures/1.003645`);
    expect(read.status).toBe(200);
    expect(read.body.requiredDocuments).toHaveLength(2);
    expect(await codesFound(`q=${encodeURIComponent('LE HOI')}`)).toEqual(['1.003645']);
    expect(await codesFound(`q=${encodeURIComponent('van hoa co so')}`)).toEqual(['1.003645']);
  });

  it('refuses a second procedure with the same code with 409', async () => {
    expect((await create(procedureRequest('1.003646'))).status).toBe(201);
    const again = await create({ ...procedureRequest('1.003646'), nameEn: 'Another' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/1\.003646/);
  });

  const invalid: [string, (body: Record<string, unknown>) => void, string[]][] = [
    ['a code with letters', (body) => (body.code = '1.ABC'), ['code']],
    ['a code without a dot', (body) => (body.code = '1003645'), ['code']],
    ['an empty Vietnamese name', (body) => (body.nameVi = '  '), ['nameVi']],
    ['a missing English name', (body) => delete body.nameEn, ['nameEn']],
    ['an unknown agency', (body) => (body.agencyCode = 'QN-NOWHERE'), ['agencyCode']],
    ['zero processing hours', (body) => (body.processingHours = 0), ['processingHours']],
    ['fractional processing hours', (body) => (body.processingHours = 1.5), ['processingHours']],
    ['processing hours as text', (body) => (body.processingHours = '8'), ['processingHours']],
    ['an unknown online level', (body) => (body.onlineLevel = 'sometimes'), ['onlineLevel']],
    ['a negative fee', (body) => (body.feeVnd = -1), ['feeVnd']],
    ['a fractional fee', (body) => (body.feeVnd = 10.5), ['feeVnd']],
    ['an unknown supplement policy', (body) => (body.supplementPolicy = 'wait'), ['supplementPolicy']],
    ['documents that are not a list', (body) => (body.requiredDocuments = 'all'), ['requiredDocuments']],
    [
      'a document type that is not accepted',
      (body) => (documents(body)[0].acceptedTypes = ['application/zip']),
      ['requiredDocuments.0.acceptedTypes'],
    ],
    [
      'a document without any type',
      (body) => (documents(body)[1].acceptedTypes = []),
      ['requiredDocuments.1.acceptedTypes'],
    ],
    [
      'a document over 20 MB',
      (body) => (documents(body)[1].maxSizeBytes = 20 * MB + 1),
      ['requiredDocuments.1.maxSizeBytes'],
    ],
    [
      'a document without mandatory',
      (body) => delete documents(body)[0].mandatory,
      ['requiredDocuments.0.mandatory'],
    ],
    [
      'two documents with the same name',
      (body) => (documents(body)[1].name = 'Văn bản đề nghị'),
      ['requiredDocuments.1.name'],
    ],
    ['a field name starting with a digit', (body) => (fields(body)[0].name = '1st'), ['formSchema.0.name']],
    ['a field name with a dash', (body) => (fields(body)[2].name = 'guest-count'), ['formSchema.2.name']],
    ['two fields with the same name', (body) => (fields(body)[3].name = 'organiser'), ['formSchema.3.name']],
    ['an unknown field type', (body) => (fields(body)[0].type = 'colour'), ['formSchema.0.type']],
    ['a missing label', (body) => delete fields(body)[0].label, ['formSchema.0.label']],
    [
      'a label without English',
      (body) => (fields(body)[0].label = { vi: 'Đơn vị' }),
      ['formSchema.0.label.en'],
    ],
    ['a select without options', (body) => delete fields(body)[1].options, ['formSchema.1.options']],
    ['a select with no options', (body) => (fields(body)[1].options = []), ['formSchema.1.options']],
    [
      'a pattern that does not compile',
      (body) => (fields(body)[3].pattern = '^(0\\d'),
      ['formSchema.3.pattern'],
    ],
    [
      'a max below the min',
      (body) => Object.assign(fields(body)[2], { min: 10, max: 5 }),
      ['formSchema.2.max'],
    ],
    [
      'required that is not a boolean',
      (body) => (fields(body)[0].required = 'yes'),
      ['formSchema.0.required'],
    ],
    ['an unknown field property', (body) => (fields(body)[0].colour = 'red'), ['formSchema.0.colour']],
    ['an unknown property', (body) => (body.colour = 'red'), ['colour']],
    ['a result template that is not text', (body) => (body.resultTemplate = 42), ['resultTemplate']],
  ];

  it.each(invalid)('answers 400 with the field path for %s', async (_, spoil, expected) => {
    const body = procedureRequest('1.009001');
    spoil(body);
    const { status, body: answer } = await create(body);
    expect(status).toBe(400);
    expect(fieldsOf(answer)).toEqual(expected);
  });

  it('lists every invalid field of one request', async () => {
    const body = procedureRequest('x');
    body.feeVnd = -5;
    fields(body)[1].options = [];
    documents(body)[0].maxSizeBytes = 0;
    const { status, body: answer } = await create(body);
    expect(status).toBe(400);
    expect(fieldsOf(answer)).toEqual([
      'code',
      'feeVnd',
      'formSchema.1.options',
      'requiredDocuments.0.maxSizeBytes',
    ]);
  });

  it('edits a procedure and keeps its search text current', async () => {
    expect((await create(procedureRequest('1.003647'))).status).toBe(201);
    const edited = await patch('1.003647', {
      nameVi: 'Cấp giấy phép tổ chức bắn pháo hoa',
      nameEn: 'Fireworks display permit',
      feeVnd: 150_000,
      agencyCode: 'QN-SXD',
      resultTemplate: null,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      code: '1.003647',
      nameVi: 'Cấp giấy phép tổ chức bắn pháo hoa',
      feeVnd: 150_000,
      agencyCode: 'QN-SXD',
      processingHours: 40,
      resultTemplate: null,
    });
    expect(await codesFound(`q=${encodeURIComponent('phao hoa')}`)).toEqual(['1.003647']);
    expect(await codesFound(`q=${encodeURIComponent('fireworks')}`)).toEqual(['1.003647']);
    expect(await codesFound(`agency=QN-SXD&q=${encodeURIComponent('le hoi')}`)).toEqual([]);
  });

  it('answers 400 to a bad edit, and 404 to an unknown code', async () => {
    expect((await create(procedureRequest('1.003648'))).status).toBe(201);
    const cases: [unknown, string[]][] = [
      [{ nameVi: null }, ['nameVi']],
      [{ code: '1.000001' }, ['code']],
      [{ agencyCode: 'QN-NOWHERE' }, ['agencyCode']],
      [{ processingHours: -8 }, ['processingHours']],
      [
        { formSchema: [{ name: 'kind', label: { vi: 'Loại', en: 'Kind' }, type: 'select' }] },
        ['formSchema.0.options'],
      ],
    ];
    for (const [body, expected] of cases) {
      const { status, body: answer } = await patch('1.003648', body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(answer)).toEqual(expected);
    }
    expect((await patch('9.999999', { feeVnd: 0 })).status).toBe(404);
  });

  it('retires a procedure: hidden from search, still readable, listed on request', async () => {
    expect((await create(procedureRequest('1.003649'))).status).toBe(201);
    const retire = () =>
      request<ProcedureBody>(`${api}/api/admin/procedures/1.003649/retire`, {
        method: 'POST',
        headers: headers.admin,
      });
    const retired = await retire();
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ code: '1.003649', retired: true });
    expect((await retire()).body.retired).toBe(true);

    expect(await codesFound('q=1.003649')).toEqual([]);
    expect(await codesFound('q=1.003649&includeRetired=false')).toEqual([]);
    expect(await codesFound('q=1.003649&includeRetired=true')).toEqual(['1.003649']);
    const read = await request<ProcedureBody>(`${api}/api/procedures/1.003649`);
    expect(read.status).toBe(200);
    expect(read.body.retired).toBe(true);

    const badFlag = await request<ErrorBody>(`${api}/api/procedures?includeRetired=maybe`);
    expect(badFlag.status).toBe(400);
    expect(fieldsOf(badFlag.body)).toEqual(['includeRetired']);
    const unknown = await request(`${api}/api/admin/procedures/9.999999/retire`, {
      method: 'POST',
      headers: headers.admin,
    });
    expect(unknown.status).toBe(404);
  });

  it('answers 401 to anonymous callers and 403 to everyone but administrators', async () => {
    const calls = [
      { method: 'POST', path: '/api/admin/procedures', body: procedureRequest('1.009002') },
      { method: 'PATCH', path: '/api/admin/procedures/1.001193', body: { feeVnd: 1 } },
      { method: 'POST', path: '/api/admin/procedures/1.001193/retire' },
    ];
    for (const call of calls) {
      const anonymous = await request(`${api}${call.path}`, { method: call.method, body: call.body });
      expect(anonymous.status, `${call.method} ${call.path} anonymous`).toBe(401);
      for (const role of ['citizen', 'clerk', 'supervisor'] as const) {
        const response = await request(`${api}${call.path}`, {
          method: call.method,
          body: call.body,
          headers: headers[role],
        });
        expect(response.status, `${call.method} ${call.path} as ${role}`).toBe(403);
      }
    }
    const untouched = await request<ProcedureBody>(`${api}/api/procedures/1.001193`);
    expect(untouched.body).toMatchObject({ feeVnd: 0, retired: false });
  });
});

const documents = (body: Record<string, unknown>) => body.requiredDocuments as Record<string, unknown>[];
const fields = (body: Record<string, unknown>) => body.formSchema as Record<string, unknown>[];
