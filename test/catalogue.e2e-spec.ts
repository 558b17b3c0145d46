import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_AGENCIES_COUNT, DEMO_PROCEDURE_CODES } from './support/demo-facts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

interface PageBody {
  items: Record<string, unknown>[];
  total: number;
  page: number;
  pageSize: number;
}

describe(`catalogue API (${testDatabaseKind()})`, () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });

  afterAll(() => stack?.stop());

  it('lists the seeded agencies of Quang Ninh with their parents', async () => {
    const { status, body } = await request<PageBody>(`${stack.apiUrl}/api/agencies?pageSize=100`);
    expect(status).toBe(200);
    expect(body.total).toBe(DEMO_AGENCIES_COUNT);
    const ward = body.items.find((agency) => agency.code === 'QN-HL-BC');
    expect(ward).toMatchObject({ parentCode: 'QN-HL', level: 'commune', timeZone: 'Asia/Ho_Chi_Minh' });
  });

  it('pages the procedures in code order', async () => {
    const first = await request<PageBody>(`${stack.apiUrl}/api/procedures?pageSize=3&page=1`);
    const second = await request<PageBody>(`${stack.apiUrl}/api/procedures?pageSize=3&page=2`);
    expect(first.body.total).toBe(DEMO_PROCEDURE_CODES.length);
    const codes = [...first.body.items, ...second.body.items].map((procedure) => procedure.code);
    expect(codes).toEqual([...DEMO_PROCEDURE_CODES].sort().slice(0, 6));
  });

  it('finds procedures by text regardless of accents and case', async () => {
    for (const text of ['hộ kinh doanh', 'HO KINH DOANH', 'ho kinh']) {
      const { body } = await request<PageBody>(
        `${stack.apiUrl}/api/procedures?q=${encodeURIComponent(text)}`,
      );
      expect(body.items.map((procedure) => procedure.code)).toEqual(['1.001612']);
    }
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const { body } = await request<PageBody>(`${stack.apiUrl}/api/procedures?q=${encodeURIComponent('%')}`);
    expect(body.total).toBe(0);
  });

  it('filters by agency, field and online level', async () => {
    const byAgency = await request<PageBody>(`${stack.apiUrl}/api/procedures?agency=QN-HL-BC`);
    expect(byAgency.body.items.map((procedure) => procedure.code).sort()).toEqual([
      '1.000656',
      '1.000894',
      '1.001193',
      '2.000635',
    ]);
    const byLevel = await request<PageBody>(
      `${stack.apiUrl}/api/procedures?onlineLevel=partial&pageSize=100`,
    );
    expect(byLevel.body.items.every((procedure) => procedure.onlineLevel === 'partial')).toBe(true);
    const byField = await request<PageBody>(
      `${stack.apiUrl}/api/procedures?field=${encodeURIComponent('Hộ tịch')}`,
    );
    expect(byField.body.total).toBe(4);
  });

  it('shows one procedure with its documents and form, or 404', async () => {
    const found = await request(`${stack.apiUrl}/api/procedures/2.000488`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ agencyCode: 'QN-STP', feeVnd: 200_000, processingHours: 80 });
    const missing = await request(`${stack.apiUrl}/api/procedures/9.999999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(missing.body.requestId).toEqual(expect.any(String));
  });

  it('answers bad query parameters with 400 naming each field', async () => {
    const { status, body } = await request(
      `${stack.apiUrl}/api/procedures?page=0&onlineLevel=sometimes&colour=red`,
    );
    expect(status).toBe(400);
    const fields = (body.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['colour', 'onlineLevel', 'page']);
  });

  it('serves a landing page listing the catalogue, and the OpenAPI document', async () => {
    const home = await fetch(`${stack.apiUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Đăng ký khai sinh');
    const openApi = await request<{
      paths: Record<string, { get?: { parameters?: { name: string; schema: unknown }[] } }>;
    }>(`${stack.apiUrl}/api/docs-json`);
    expect(Object.keys(openApi.body.paths)).toEqual(
      expect.arrayContaining(['/api/procedures', '/api/agencies']),
    );
    // Each whole-number query parameter publishes its range.
    const parameters = openApi.body.paths['/api/procedures']!.get!.parameters!;
    expect(parameters.find((parameter) => parameter.name === 'page')?.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
    });
  });
});
