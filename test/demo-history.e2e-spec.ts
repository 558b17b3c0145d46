import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { Application } from '@onegate/persistence';

import { seedDemoHistory } from '../apps/api/src/imports/demo-history.seeder';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { getReport } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

/** Small enough for a test; `npm start` seeds 30,000 (docs/performance.md, "Demo history"). */
const FILES = 1_500;

describe(`demo history (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    // As `npm start` does with DEMO_HISTORY on: the stack seeds it after the API listens.
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, demoHistory: { files: FILES } }),
    });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  }, 300_000);

  afterAll(() => stack?.stop());

  const files = () => stack.apiDataSource.getRepository(Application).count();

  it('imports the asked number of files, all through the import (actor import), and seeds only once', async () => {
    expect(await files()).toBe(FILES);
    const notImported = await stack.apiDataSource
      .getRepository(Application)
      .createQueryBuilder('application')
      .where('application.importedAt IS NULL')
      .getCount();
    expect(notImported).toBe(0);
    expect(await seedDemoHistory(stack.api, FILES)).toBeNull();
    expect(await files()).toBe(FILES);
  });

  it('fills the report of the last twelve months, this month included', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 7 * 3_600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
    const year = await getReport<Record<string, number>>(stack.apiUrl, admin, 'summary', {
      from: yearAgo,
      to: today,
    });
    expect(year.status).toBe(200);
    expect(year.body.received).toBeGreaterThan(FILES * 0.9);
    expect(year.body.returned).toBeGreaterThan(FILES * 0.7);
    expect(year.body.fullyOnline).toBeGreaterThan(0);
    expect(year.body.backlog).toBeGreaterThan(0);
    const thisMonth = await getReport<Record<string, number>>(stack.apiUrl, admin, 'summary', {
      from: `${today.slice(0, 8)}01`,
      to: today,
    });
    expect(thisMonth.body.received).toBeGreaterThan(0);
  });

  it('shows the year’s feedback and digitisation from the imported feedback and documents', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 7 * 3_600_000 - 365 * 86_400_000).toISOString().slice(0, 10);
    const feedback = await getReport<Record<string, number>>(stack.apiUrl, admin, 'feedback', {
      from: yearAgo,
      to: today,
    });
    expect(feedback.status).toBe(200);
    expect(feedback.body.feedback).toBeGreaterThan(0);
    expect(feedback.body.filesWithComplaint).toBeGreaterThan(0);
    expect(feedback.body.handledLate).toBeGreaterThan(0);
    const digitisation = await getReport<Record<string, number>>(stack.apiUrl, admin, 'digitisation', {
      from: yearAgo,
      to: today,
    });
    expect(digitisation.status).toBe(200);
    expect(digitisation.body.digitised).toBeGreaterThan(0);
    expect(digitisation.body.reused).toBeGreaterThan(0);
  });

  it('gives the demo clerk a queue of real open files, not a pile of overdue ones', async () => {
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    const queue = await request<{ items: { state: string; dueAt: string | null }[] }>(
      `${stack.apiUrl}/api/applications?limit=100`,
      { headers: bearer(clerk) },
    );
    expect(queue.status).toBe(200);
    const open = queue.body.items.filter((file) =>
      ['received', 'in_progress', 'supplement_requested'].includes(file.state),
    );
    expect(open.length).toBeGreaterThan(0);
    const overdue = open.filter((file) => file.dueAt && Date.parse(file.dueAt) < Date.now());
    expect(overdue.length).toBeLessThan(open.length / 2);
  });
});
