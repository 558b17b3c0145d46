import { expect } from 'vitest';

import { bearer } from '../accounts';
import type { Tokens } from '../accounts';
import { request } from '../http';
import type { Figures } from './figures-by-hand';
import type { CatalogueFacts, ImportLineJson } from './random-applications';

export interface ImportAnswer {
  imported: number;
  skipped: number;
  rejected: { line: number; error: string }[];
}

/** What the catalogue API says about procedures and agencies, as the generator and the oracle need it. */
export async function readCatalogue(apiUrl: string): Promise<CatalogueFacts> {
  const procedures = await request<{ items: CatalogueFacts['procedures'] }>(
    `${apiUrl}/api/procedures?pageSize=100&includeRetired=true`,
  );
  const agencies = await request<{ items: CatalogueFacts['agencies'] }>(
    `${apiUrl}/api/agencies?pageSize=100`,
  );
  return {
    procedures: procedures.body.items.map(
      ({ code, agencyCode, field, processingHours, feeVnd, supplementPolicy }) => ({
        code,
        agencyCode,
        field,
        processingHours,
        feeVnd,
        supplementPolicy,
      }),
    ),
    agencies: agencies.body.items.map(({ code, parentCode }) => ({ code, parentCode })),
  };
}

export async function importLines(
  apiUrl: string,
  admin: Tokens,
  lines: readonly (ImportLineJson | string)[],
): Promise<{ status: number; body: ImportAnswer }> {
  const response = await fetch(`${apiUrl}/api/admin/imports`, {
    method: 'POST',
    headers: { ...bearer(admin), 'content-type': 'application/x-ndjson' },
    body: lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
  });
  return { status: response.status, body: (await response.json()) as ImportAnswer };
}

export function reportUrl(apiUrl: string, path: string, query: Record<string, string | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) parameters.set(name, value);
  return `${apiUrl}/api/reports/${path}?${parameters.toString()}`;
}

export async function getReport<T>(
  apiUrl: string,
  tokens: Tokens,
  path: string,
  query: Record<string, string | undefined>,
) {
  return request<T>(reportUrl(apiUrl, path, query), { headers: bearer(tokens) });
}

/** One file of a figure's list (`GET /api/reports/files`), as the tests read it. */
export interface ListedFile {
  id: string;
  code: string;
  countedOn: string;
  countedAt: string;
  agency: string;
}

/** Every file of a figure's list, read a page at a time; each file once. */
export async function wholeFileList(
  apiUrl: string,
  tokens: Tokens,
  query: Record<string, string | undefined>,
  limit = 500,
): Promise<ListedFile[]> {
  const files: ListedFile[] = [];
  let cursor: string | undefined;
  do {
    const page = await getReport<{ files: ListedFile[]; nextCursor: string | null }>(
      apiUrl,
      tokens,
      'files',
      { ...query, limit: String(limit), cursor },
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    files.push(...page.body.files);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  expect(new Set(files.map((file) => file.id)).size).toBe(files.length);
  return files;
}

const COUNTS = [
  'received',
  'onlineSubmitted',
  'decided',
  'onTime',
  'late',
  'extended',
  'returned',
  'fullyOnline',
  'refused',
  'withdrawn',
  'backlog',
  'overdueBacklog',
] as const;
const RATES = ['onlineSubmissionRate', 'onTimeRate', 'fullyOnlineShare'] as const;

/** Counts and rates exactly (means to rounding), percentiles to 0.05 working days. */
export function expectSameFigures(actual: Figures, expected: Figures, label: string): void {
  for (const name of COUNTS) expect(actual[name], `${label}: ${name}`).toBe(expected[name]);
  for (const name of RATES) expectSameNumber(actual[name], expected[name], 1e-12, `${label}: ${name}`);
  expectSameNumber(
    actual.turnaroundDays.mean,
    expected.turnaroundDays.mean,
    1e-9,
    `${label}: turnaround mean`,
  );
  expectSameNumber(actual.turnaroundDays.p50, expected.turnaroundDays.p50, 0.05, `${label}: turnaround p50`);
  expectSameNumber(actual.turnaroundDays.p90, expected.turnaroundDays.p90, 0.05, `${label}: turnaround p90`);
  expect(actual.satisfaction.count, `${label}: satisfaction count`).toBe(expected.satisfaction.count);
  expectSameNumber(
    actual.satisfaction.mean,
    expected.satisfaction.mean,
    1e-12,
    `${label}: satisfaction mean`,
  );
  expectSameNumber(
    actual.satisfaction.satisfiedShare,
    expected.satisfaction.satisfiedShare,
    1e-12,
    `${label}: satisfied share`,
  );
}

function expectSameNumber(actual: number | null, expected: number | null, tolerance: number, label: string) {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expect(Math.abs(actual! - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
