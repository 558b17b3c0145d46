import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { openDatabase } from '@onegate/persistence';

import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { RollupLayoutCheck } from '../apps/worker/src/reports/rollup-layout-check';
import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { getReport } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

type Row = Record<string, unknown>;
const FILES = 400;

/**
 * An upgrade whose rollups gained columns (docs/operations.md, "Rollup layout"): the database records
 * an older layout, its new columns and file lists are empty; the workers that start rebuild it once,
 * and the figures are right before, during and after.
 */
describe(`the rollups are rebuilt once when their layout is older (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    // The demo history: files with uploaded, scanned and reused documents, some decided.
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, demoHistory: { files: FILES } }),
    });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  }, 180_000);

  afterAll(() => stack?.stop());

  const query = (sql: string) => stack.apiDataSource.query(sql) as Promise<Row[]>;
  const describeRow = (row: Row) =>
    Object.keys(row)
      .sort()
      .map((key) => `${key}=${String(row[key])}`)
      .join(' ');
  async function snapshot(): Promise<{ rollups: string[]; fileEntries: string[] }> {
    return {
      rollups: (await query('SELECT * FROM report_rollups')).map(describeRow).sort(),
      fileEntries: (await query('SELECT * FROM report_file_entries')).map(describeRow).sort(),
    };
  }
  const digitisation = async () =>
    (
      await getReport<Row>(stack.apiUrl, admin, 'digitisation', {
        from: yearAgo(),
        to: today(),
        agency: 'QN',
      })
    ).body;

  it('rebuilds on the first worker start, once for two workers, to what a fresh computation gives', async () => {
    const fresh = await snapshot();
    expect(fresh.rollups.length).toBeGreaterThan(100);
    expect(fresh.fileEntries.length).toBeGreaterThan(1000);
    expect(fresh.rollups.some((row) => /digitised=[1-9]/.test(row))).toBe(true);

    // As an upgrade leaves the database: an older layout, new columns at 0, no file lists yet.
    await query('UPDATE report_layout SET version = 0, rebuilt_at = NULL');
    await query('UPDATE report_rollups SET digitised = 0, reused = 0');
    await query('DELETE FROM report_file_entries');
    expect((await snapshot()).rollups).not.toEqual(fresh.rollups);
    // Meanwhile the figures the rollups do not hold yet are read from the files themselves.
    const figures = await digitisation();
    expect(Number(figures.digitised)).toBeGreaterThan(0);

    const workers = await Promise.all(
      [1, 2].map(async () => createWorkerApp(stack.config, await openDatabase(stack.config, 'wait'))),
    );
    try {
      await Promise.all(workers.map((worker) => worker.init()));
      const rebuilt = await Promise.all(
        workers.map((worker) => worker.get(RollupLayoutCheck, { strict: false }).checked),
      );
      expect(rebuilt.filter((result) => result !== null)).toEqual([{ applications: FILES }]);
    } finally {
      for (const worker of workers) await worker.close();
    }
    const [layout] = await query('SELECT version, rebuilt_at FROM report_layout');
    expect(Number(layout!.version)).toBe(2);
    expect(layout!.rebuilt_at).not.toBeNull();
    expect(await snapshot()).toEqual(fresh);
    expect(await digitisation()).toEqual(figures);
  }, 120_000);
});

const today = () => new Date().toISOString().slice(0, 10);
const yearAgo = () => new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
