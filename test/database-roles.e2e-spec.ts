import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import type { DatabaseConfig } from '@onegate/config';
import { AppConfig } from '@onegate/config';
import { dataSourceOptions, grantAppRole } from '@onegate/persistence';

import type { Tokens } from './support/accounts';
import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually } from './support/http';
import { DEFAULT_TEST_DATABASE_URL, testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';

const INSUFFICIENT_PRIVILEGE = '42501';
const ADMIN_URL = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

// SQLite has no roles: whoever can open the file can change everything in it.
describe.skipIf(testDatabaseKind() !== 'postgres')('the application’s restricted PostgreSQL role', () => {
  const role = `onegate_app_${randomBytes(4).toString('hex')}`;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let asRole: Client;

  const connectedAs = (database: DatabaseConfig): DatabaseConfig => {
    const url = new URL(database.url);
    url.username = role;
    return { kind: 'postgres', url: url.toString() };
  };

  beforeAll(async () => {
    await withAdmin((admin) => admin.query(`CREATE ROLE ${role} LOGIN`));
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({
          ...config,
          migrationDatabase: config.database,
          database: connectedAs(config.database),
          readDatabase: connectedAs(config.database),
        } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    asRole = new Client({ connectionString: stack.config.database.url });
    await asRole.connect();
  });

  afterAll(async () => {
    await asRole?.end();
    await stack?.stop();
    await withAdmin((admin) => admin.query(`DROP ROLE IF EXISTS ${role}`));
  });

  const refusal = (sql: string) =>
    asRole.query(sql).then(
      () => 'allowed',
      (error: { code?: string }) => error.code,
    );

  it('runs the API and the worker as that role: a file is submitted, taken in and received', async () => {
    const [{ current_user: user }] = (await asRole.query('SELECT current_user')).rows;
    expect(user).toBe(role);
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-1');
    expect((await apps.act(citizen, draft.body.id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, draft.body.id, 'receive');
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    expect(received.body.state).toBe('received');
    const events = await eventually(async () => {
      const { body } = await apps.get(clerk, draft.body.id);
      return body.events?.length === 3 ? body.events : undefined;
    });
    expect(events.map((event) => event.type)).toEqual(['pay', 'submit', 'receive']);
    const audited = await asRole.query('SELECT COUNT(*)::int AS count FROM audit_events');
    expect(audited.rows[0].count).toBeGreaterThan(0);
  });

  it('cannot change the schema', async () => {
    expect(await refusal('ALTER TABLE applications ADD COLUMN sneaky integer')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal('DROP TABLE receipt_sequences')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal('CREATE TABLE sneaky (id integer)')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal('TRUNCATE notifications')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal("INSERT INTO migrations (timestamp, name) VALUES (1, 'Sneaky1')")).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
  });

  it('can only read and add history: events and audit rows cannot be changed or removed', async () => {
    for (const table of ['application_events', 'audit_events']) {
      expect(await refusal(`UPDATE ${table} SET id = id`), table).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(`DELETE FROM ${table}`), table).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(`TRUNCATE ${table}`), table).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await refusal(`SELECT COUNT(*) FROM ${table}`), table).toBe('allowed');
    }
    expect(await refusal('UPDATE notifications SET id = id')).toBe('allowed');
  });

  it('grants the same again when asked again, and refuses to restrict the owner itself', async () => {
    const owner = await new DataSource(
      dataSourceOptions({
        database: stack.config.migrationDatabase!,
        readDatabase: stack.config.migrationDatabase!,
      }),
    ).initialize();
    try {
      await grantAppRole(owner, role);
      await expect(grantAppRole(owner, 'postgres')).rejects.toThrow(/owner role/);
      await expect(grantAppRole(owner, 'no_such_role_here')).rejects.toThrow(/does not exist/);
    } finally {
      await owner.destroy();
    }
    expect(await refusal('DELETE FROM application_events')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await refusal('SELECT COUNT(*) FROM applications')).toBe('allowed');
  });
});

async function withAdmin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
