import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';

import { AppConfig, useNationalIdKeys } from '@onegate/config';
import { dataSourceOptions, runMigrationsExclusively } from '@onegate/persistence';

import { runKeysCommand } from '../apps/api/src/keys-command';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import type { ApplicationBody } from './support/applications';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { recordLine, returnedStory } from './support/reports/crafted-lines';
import { importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { undoMigrationsUntil, withMigrationConnection } from './support/migrations';

const ENCRYPTION_MIGRATION = 'EncryptNationalIds1764100070000';
const FORM_ENCRYPTION_MIGRATION = 'EncryptFormData1764100100000';
const PERSONAL_TEXT_MIGRATION = 'SealPersonalText1764200013000';

/** Construction permit (Ha Long City, the demo clerk's agency): the applicant fields and a plot address. */
const PERMIT = '1.009972';
const PERMIT_DOCUMENTS = [
  'Đơn đề nghị cấp giấy phép xây dựng',
  'Giấy tờ về quyền sử dụng đất',
  'Bản vẽ thiết kế xây dựng',
];
const PERMIT_FORM = {
  fullName: 'Nguyễn Văn A',
  nationalId: '022090001234',
  phone: '0912345678',
  plotAddress: 'Số 12 phố Bến Đoan, phường Hồng Gai',
};
/** What must never be readable in the form answers' column. */
const SECRETS = [PERMIT_FORM.nationalId, 'Bến Đoan', 'Hồng Gai', PERMIT_FORM.phone];

describe(`national ID numbers encrypted at rest (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let clerk: Tokens;
  let owner: Tokens;
  let admin: Tokens;
  let apps: ApplicationsClient;
  const citizen = newCitizen();

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    owner = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
  });

  afterAll(() => stack?.stop());

  /** Exactly what the database holds, without the entity mapping. */
  const storedUser = async (email: string): Promise<Record<string, unknown>> =>
    (await stack.apiDataSource
      .createQueryBuilder()
      .select('*')
      .from('users', 'u')
      .where('u.email = :email', { email })
      .getRawOne<Record<string, unknown>>())!;
  const storedApplicantId = async (id: string): Promise<string> =>
    (
      await stack.apiDataSource
        .createQueryBuilder()
        .select('a.applicant_national_id', 'stored')
        .from('applications', 'a')
        .where('a.id = :id', { id })
        .getRawOne()
    ).stored;

  const storedForm = async (id: string): Promise<string> =>
    (
      await stack.apiDataSource
        .createQueryBuilder()
        .select('a.form_data', 'stored')
        .from('applications', 'a')
        .where('a.id = :id', { id })
        .getRawOne()
    ).stored;
  const expectSealedForm = async (id: string, keyId = 'dev') => {
    const stored = await storedForm(id);
    expect(stored).toMatch(new RegExp(`^v1:${keyId}:[A-Za-z0-9+/]+=*$`));
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
  };
  const page = async (path: string, tokens: Tokens) => {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: bearer(tokens) });
    expect(response.status, path).toBe(200);
    return response.text();
  };

  /**
   * Runs `keys rotate` with a new first key, lets `whileRotated` look at the result, then rotates back
   * to the development key, so that nothing sealed with the test's key stays behind.
   */
  const rotatedThereAndBack = async (
    keyId: string,
    whileRotated: () => Promise<void>,
    sealWith: (config: AppConfig) => Promise<void> = (config) => runKeysCommand(config, 'rotate'),
  ) => {
    const development = stack.config.nationalIdKeys;
    const rotated = { id: keyId, key: randomBytes(32) };
    const withKeys = (encryption: typeof development.encryption) =>
      new AppConfig({ ...stack.config, nationalIdKeys: { ...development, encryption } });
    try {
      await sealWith(withKeys([rotated, ...development.encryption]));
      await whileRotated();
      await runKeysCommand(withKeys([...development.encryption, rotated]), 'rotate');
    } finally {
      useNationalIdKeys(development);
    }
  };

  /**
   * Reverts and re-applies the encryption migrations with `config`'s keys in NATIONAL_ID_KEYS, the
   * variable the migrations read, as `migrate run` does in production.
   */
  const remigratedWithKeys = async (config: AppConfig) => {
    const before = process.env.NATIONAL_ID_KEYS;
    process.env.NATIONAL_ID_KEYS = config.nationalIdKeys.encryption
      .map(({ id, key }) => `${id}:${key.toString('base64')}`)
      .join(',');
    try {
      await withMigrationConnection(config, async (dataSource) => {
        await undoMigrationsUntil(dataSource, ENCRYPTION_MIGRATION);
        await runMigrationsExclusively(dataSource);
      });
    } finally {
      if (before === undefined) delete process.env.NATIONAL_ID_KEYS;
      else process.env.NATIONAL_ID_KEYS = before;
    }
  };

  /** A permit application the demo citizen drafted, completed and submitted online. */
  const submittedPermit = async () => {
    const draft = await apps.create(owner, PERMIT, { fullName: PERMIT_FORM.fullName });
    expect(draft.status).toBe(201);
    const completed = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/${draft.body.id}`, {
      method: 'PATCH',
      headers: bearer(owner),
      body: { formData: PERMIT_FORM, version: draft.body.version },
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    for (const document of PERMIT_DOCUMENTS) {
      expect((await apps.upload(owner, draft.body.id, document, PDF_BYTES)).status).toBe(201);
    }
    const sent = await apps.act(owner, draft.body.id, 'submit');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body;
  };

  const signInByNationalId = () =>
    request<Tokens>(`${stack.apiUrl}/api/auth/login`, {
      method: 'POST',
      body: { username: citizen.nationalId, password: citizen.password },
    });

  const registerAtCounter = (nationalId: string) =>
    request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId, fullName: citizen.fullName },
        formData: HOUSEHOLD_FORM,
      },
    });

  it('stores a registered citizen’s number sealed, with a keyed hash, and still signs them in by it', async () => {
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: citizen,
    });
    expect(registered.status).toBe(201);
    const row = await storedUser(citizen.email);
    expect(JSON.stringify(row)).not.toContain(citizen.nationalId);
    expect(row.national_id).toMatch(/^v1:dev:[A-Za-z0-9+/]+=*$/);
    expect(row.national_id_hash).toMatch(/^[0-9a-f]{64}$/);

    const signedIn = await signInByNationalId();
    expect(signedIn.status).toBe(200);
    const me = await request(`${stack.apiUrl}/api/me`, { headers: bearer(signedIn.body) });
    expect(me.body.nationalId).toBe(citizen.nationalId);

    const again = await request(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: { ...newCitizen(), nationalId: citizen.nationalId },
    });
    expect(again.status).toBe(409);
  });

  it('seals the applicant’s number of a paper file, links it to the account by hash, and tracks it', async () => {
    const registered = await registerAtCounter(citizen.nationalId);
    expect(registered.status).toBe(201);
    const stored = await storedApplicantId(registered.body.id);
    expect(stored).toMatch(/^v1:dev:/);
    expect(stored).not.toContain(citizen.nationalId);
    const form = await storedForm(registered.body.id);
    expect(form).toMatch(/^v1:dev:/);
    expect(form).not.toContain(HOUSEHOLD_FORM.nationalId);
    expect(form).not.toContain(HOUSEHOLD_FORM.businessName);

    const owner = (await signInByNationalId()).body;
    const mine = await request<{ items: { id: string }[] }>(`${stack.apiUrl}/api/applications?limit=100`, {
      headers: bearer(owner),
    });
    expect(mine.body.items.map((item) => item.id)).toContain(registered.body.id);
    const detail = await request<{ applicant: { nationalId: string } }>(
      `${stack.apiUrl}/api/applications/${registered.body.id}`,
      { headers: bearer(clerk) },
    );
    expect(detail.body.applicant.nationalId).toBe(citizen.nationalId);

    const code = registered.body.code!;
    const tracked = await request(`${stack.apiUrl}/api/track`, {
      method: 'POST',
      body: { code, nationalId: citizen.nationalId },
    });
    expect(tracked.status).toBe(200);
    expect(tracked.body.code).toBe(code);
    const wrong = await request(`${stack.apiUrl}/api/track`, {
      method: 'POST',
      body: { code, nationalId: '022191004321' },
    });
    expect(wrong.status).toBe(404);
  });

  it('decrypts existing rows when its migration is reverted and encrypts them again when it is re-applied', async () => {
    const paper = await registerAtCounter('022191004322');
    const migrator = await new DataSource(dataSourceOptions(stack.config)).initialize();
    try {
      await undoMigrationsUntil(migrator, ENCRYPTION_MIGRATION);
      const plainRow = await storedUser(citizen.email);
      expect(plainRow.national_id).toBe(citizen.nationalId);
      expect(plainRow).not.toHaveProperty('national_id_hash');
      expect(await storedApplicantId(paper.body.id)).toBe('022191004322');
      expect(JSON.parse(await storedForm(paper.body.id))).toEqual(HOUSEHOLD_FORM);

      await runMigrationsExclusively(migrator);
    } finally {
      await migrator.destroy();
    }
    const sealedRow = await storedUser(citizen.email);
    expect(JSON.stringify(sealedRow)).not.toContain(citizen.nationalId);
    expect(sealedRow.national_id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedApplicantId(paper.body.id)).toMatch(/^v1:dev:/);
    expect(await storedForm(paper.body.id)).toMatch(/^v1:dev:/);
    expect((await apps.get(clerk, paper.body.id)).body.formData).toEqual(HOUSEHOLD_FORM);

    expect((await signInByNationalId()).status).toBe(200);
    const tracked = await request(`${stack.apiUrl}/api/track`, {
      method: 'POST',
      body: { code: paper.body.code, nationalId: '022191004322' },
    });
    expect(tracked.status).toBe(200);
  });

  it('seals a citizen’s form answers whole, which the owner and the clerk still read in the API and the portal', async () => {
    const application = await submittedPermit();
    await expectSealedForm(application.id);

    for (const reader of [owner, clerk]) {
      expect((await apps.get(reader, application.id)).body.formData).toEqual(PERMIT_FORM);
    }
    for (const html of [
      await page(`/my/applications/${application.id}`, owner),
      await page(`/staff/applications/${application.id}`, clerk),
    ]) {
      expect(html).toContain(PERMIT_FORM.plotAddress);
      expect(html).toContain(PERMIT_FORM.nationalId);
    }
  });

  it('seals imported form answers too', async () => {
    const answer = await importLines(stack.apiUrl, admin, [
      recordLine('QN-STP-250612-0001', returnedStory('2025-06-12'), {
        formData: { ...PERMIT_FORM, purpose: 'Xin việc' },
      }),
    ]);
    expect(answer.body.imported).toBe(1);
    const [{ id }] = (await stack.apiDataSource.query(
      "SELECT id FROM applications WHERE code = 'QN-STP-250612-0001'",
    )) as { id: string }[];
    await expectSealedForm(id);
    expect((await apps.get(admin, id)).body.formData).toEqual({ ...PERMIT_FORM, purpose: 'Xin việc' });
  });

  it('unseals form answers when their migration is reverted, still reads them so, and seals them again', async () => {
    const application = await submittedPermit();
    // While reverted, the schema is older than the code (later migrations add columns): only the
    // stored rows are looked at then.
    await withMigrationConnection(stack.config, async (dataSource) => {
      await undoMigrationsUntil(dataSource, FORM_ENCRYPTION_MIGRATION);
      expect(JSON.parse(await storedForm(application.id))).toEqual(PERMIT_FORM);
      await runMigrationsExclusively(dataSource);
    });
    await expectSealedForm(application.id);
    expect((await apps.get(owner, application.id)).body.formData).toEqual(PERMIT_FORM);

    // A row written before encryption, still plain JSON, is read as it is.
    const data = stack.apiDataSource;
    await data.query(
      ...data.driver.escapeQueryWithParameters('UPDATE applications SET form_data = :plain WHERE id = :id', {
        plain: JSON.stringify(PERMIT_FORM),
        id: application.id,
      }),
    );
    expect(JSON.parse(await storedForm(application.id))).toEqual(PERMIT_FORM);
    expect((await apps.get(clerk, application.id)).body.formData).toEqual(PERMIT_FORM);
  });

  it('seals with the first key of NATIONAL_ID_KEYS when its migrations are re-applied, and OneGate reads it', async () => {
    const application = await submittedPermit();
    await rotatedThereAndBack(
      'k2029',
      async () => {
        await expectSealedForm(application.id, 'k2029');
        expect((await storedUser(citizen.email)).national_id).toMatch(/^v1:k2029:/);
        expect((await apps.get(clerk, application.id)).body.formData).toEqual(PERMIT_FORM);
        expect((await signInByNationalId()).status).toBe(200);
      },
      remigratedWithKeys,
    );
    await expectSealedForm(application.id);
    expect((await apps.get(owner, application.id)).body.formData).toEqual(PERMIT_FORM);
  });

  it('re-seals form answers with the new first key on `keys rotate`, which reads them back', async () => {
    const application = await submittedPermit();
    await rotatedThereAndBack('k2027', async () => {
      await expectSealedForm(application.id, 'k2027');
      expect((await apps.get(clerk, application.id)).body.formData).toEqual(PERMIT_FORM);
    });
    await expectSealedForm(application.id);
    expect((await apps.get(owner, application.id)).body.formData).toEqual(PERMIT_FORM);
  });

  describe('phone numbers and the answers kept for Idempotency-Keys', () => {
    const person = newCitizen({ phone: '0987 654 321' });
    const STORED_PHONE = '+84987654321';
    let tokens: Tokens;
    const keyedDraft = () =>
      request<ApplicationBody>(`${stack.apiUrl}/api/applications`, {
        method: 'POST',
        headers: { ...bearer(tokens), 'idempotency-key': 'sealed-answer-1' },
        body: { procedureCode: PERMIT, formData: PERMIT_FORM },
      });
    const storedPhone = async () => (await storedUser(person.email)).phone as string;
    const storedAnswers = async (): Promise<string[]> =>
      (
        (await stack.apiDataSource.query(
          'SELECT response_body FROM idempotency_records WHERE response_body IS NOT NULL',
        )) as { response_body: string }[]
      ).map((row) => row.response_body);
    const expectSealed = async (keyId = 'dev') => {
      for (const stored of [await storedPhone(), ...(await storedAnswers())]) {
        expect(stored).toMatch(new RegExp(`^v1:${keyId}:[A-Za-z0-9+/]+=*$`));
        for (const secret of SECRETS) expect(stored).not.toContain(secret);
      }
    };

    beforeAll(async () => {
      const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
        method: 'POST',
        body: person,
      });
      expect(registered.status).toBe(201);
      tokens = registered.body;
      expect((await keyedDraft()).status).toBe(201);
    });

    it('are sealed, and read back: the profile shows the phone, a repeat gets the first answer', async () => {
      await expectSealed();
      expect((await storedAnswers()).length).toBeGreaterThan(0);
      expect((await request(`${stack.apiUrl}/api/me`, { headers: bearer(tokens) })).body.phone).toBe(
        STORED_PHONE,
      );
      const again = await keyedDraft();
      expect(again.status).toBe(201);
      expect(again.body.formData).toEqual(PERMIT_FORM);
    });

    it('are unsealed when their migration is reverted, and sealed again when it is re-applied', async () => {
      const first = (await keyedDraft()).body;
      await withMigrationConnection(stack.config, async (dataSource) => {
        await undoMigrationsUntil(dataSource, PERSONAL_TEXT_MIGRATION);
        expect(await storedPhone()).toBe(STORED_PHONE);
        expect((await storedAnswers()).map((answer) => JSON.parse(answer) as unknown)).toContainEqual(first);
        await runMigrationsExclusively(dataSource);
      });
      await expectSealed();
      expect((await keyedDraft()).body).toEqual(first);
    });

    it('are re-sealed with the new first key on `keys rotate`, and still read', async () => {
      const first = (await keyedDraft()).body;
      await rotatedThereAndBack('k2028', async () => {
        await expectSealed('k2028');
        expect((await keyedDraft()).body).toEqual(first);
      });
      await expectSealed();
      expect((await keyedDraft()).body).toEqual(first);
    });
  });
});
