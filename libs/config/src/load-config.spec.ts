import { describe, expect, it } from 'vitest';

import { ConfigError, DEFAULT_SQLITE_FILE, loadConfig } from './load-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const SIGNING = { SIGNING_CERT_PATH: '/etc/onegate/agency.p12', SIGNING_CERT_PASSPHRASE: 'agency secret' };
const NATIONAL_ID = {
  NATIONAL_ID_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  NATIONAL_ID_HASH_KEY: 'n'.repeat(32),
};

const PAYMENT = {
  PAYMENT_GATEWAY_URL: 'https://pay.vnpay.vn',
  VNPAY_TMN_CODE: 'QNPORTAL',
  VNPAY_HASH_SECRET: 'h'.repeat(32),
};

describe('loadConfig', () => {
  it('starts with no variables at all, on SQLite and local Redis', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      workerPort: 3001,
      database: { kind: 'sqlite', url: DEFAULT_SQLITE_FILE },
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: '{onegate}',
      workerConcurrency: 4,
    });
    expect(config.readDatabase).toEqual(config.database);
    expect(config.demoPassword).toEqual(expect.any(String));
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('seeds the demo history in development by default, in tests only when asked, never in production', () => {
    expect(loadConfig({}).demoHistory).toEqual({ files: 30_000 });
    expect(loadConfig({ DEMO_HISTORY: 'off' }).demoHistory).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test' }).demoHistory).toBeNull();
    expect(
      loadConfig({ NODE_ENV: 'test', DEMO_HISTORY: 'on', DEMO_HISTORY_FILES: '500' }).demoHistory,
    ).toEqual({
      files: 500,
    });
    const production = {
      NODE_ENV: 'production',
      ...SIGNING,
      ...NATIONAL_ID,
      ...PAYMENT,
      JWT_SECRET: 'x'.repeat(32),
    };
    expect(loadConfig({ ...production, DEMO_HISTORY: 'on' }).demoHistory).toBeNull();
    expect(problemsOf({ DEMO_HISTORY: 'yes' })).toEqual(['DEMO_HISTORY must be on or off']);
    expect(problemsOf({ DEMO_HISTORY_FILES: '0' })).toEqual([
      'DEMO_HISTORY_FILES must be a whole number from 1 to 1000000',
    ]);
  });

  it('reads PostgreSQL, a read replica and SQLite paths from URLs', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db:5432/onegate',
      DATABASE_READ_URL: 'postgresql://app@replica:5432/onegate',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://app@db:5432/onegate' });
    expect(config.readDatabase).toEqual({ kind: 'postgres', url: 'postgresql://app@replica:5432/onegate' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).database).toEqual({
      kind: 'sqlite',
      url: '/tmp/x.sqlite',
    });
  });

  it('gives one line per bad variable, each naming it', () => {
    const problems = problemsOf({
      PORT: 'abc',
      WORKER_CONCURRENCY: '0',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'http://cache',
      QUEUE_PREFIX: 'onegate',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535',
      'DATABASE_URL must be postgres://… or sqlite:PATH',
      'REDIS_URL must be redis://… or rediss://…',
      'QUEUE_PREFIX must be a Redis Cluster hash tag such as {onegate}',
      'WORKER_CONCURRENCY must be a whole number from 1 to 256',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('requires a JWT secret in production, and never seeds demo accounts there', () => {
    expect(problemsOf({ NODE_ENV: 'production', ...SIGNING, ...NATIONAL_ID, ...PAYMENT })).toEqual([
      'JWT_SECRET is required when NODE_ENV=production',
    ]);
    expect(
      problemsOf({ NODE_ENV: 'production', ...SIGNING, ...NATIONAL_ID, ...PAYMENT, JWT_SECRET: 'short' }),
    ).toEqual(['JWT_SECRET must be at least 32 characters']);
    const production = loadConfig({
      NODE_ENV: 'production',
      ...SIGNING,
      ...NATIONAL_ID,
      ...PAYMENT,
      JWT_SECRET: 'x'.repeat(32),
      DEMO_PASSWORD: 'abcdefghijk',
    });
    expect(production.jwtSecret).toBe('x'.repeat(32));
    expect(production.demoPassword).toBeNull();
  });

  it('requires the agency signing certificate and its passphrase in production, one line each', () => {
    expect(
      problemsOf({ NODE_ENV: 'production', ...NATIONAL_ID, ...PAYMENT, JWT_SECRET: 'x'.repeat(32) }),
    ).toEqual([
      'SIGNING_CERT_PATH is required when NODE_ENV=production',
      'SIGNING_CERT_PASSPHRASE is required when NODE_ENV=production or SIGNING_CERT_PATH is set',
    ]);
    expect(problemsOf({ SIGNING_CERT_PATH: '/etc/onegate/agency.p12' })).toEqual([
      'SIGNING_CERT_PASSPHRASE is required when NODE_ENV=production or SIGNING_CERT_PATH is set',
    ]);
    expect(loadConfig({}).signing).toBeNull();
    expect(loadConfig(SIGNING).signing).toEqual({
      certPath: SIGNING.SIGNING_CERT_PATH,
      passphrase: SIGNING.SIGNING_CERT_PASSPHRASE,
    });
  });

  it('keeps CORS closed unless exact origins are listed, and sizes bodies in KiB', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({}).bodyLimitBytes).toBe(100 * 1024);
    expect(
      loadConfig({ CORS_ORIGINS: 'https://portal.example.vn, http://localhost:5173', BODY_LIMIT_KB: '512' }),
    ).toMatchObject({
      corsOrigins: ['https://portal.example.vn', 'http://localhost:5173'],
      bodyLimitBytes: 512 * 1024,
    });
    expect(problemsOf({ CORS_ORIGINS: '*' })).toEqual([
      'CORS_ORIGINS must be comma-separated origins such as https://portal.example.vn',
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://portal.example.vn/app' })).toHaveLength(1);
    expect(problemsOf({ BODY_LIMIT_KB: '0' })).toEqual([
      'BODY_LIMIT_KB must be a whole number from 1 to 10240',
    ]);
  });

  it('bounds what a citizen may store: files per document, MiB per application, drafts, draft days', () => {
    expect(loadConfig({}).storageLimits).toEqual({
      filesPerDocument: 5,
      bytesPerApplication: 50 * 1024 * 1024,
      openDraftsPerAccount: 10,
      draftRetentionDays: 30,
    });
    expect(
      loadConfig({
        UPLOAD_FILES_PER_DOCUMENT: '3',
        UPLOAD_MB_PER_APPLICATION: '20',
        OPEN_DRAFTS_PER_ACCOUNT: '2',
        DRAFT_RETENTION_DAYS: '7',
      }).storageLimits,
    ).toEqual({
      filesPerDocument: 3,
      bytesPerApplication: 20 * 1024 * 1024,
      openDraftsPerAccount: 2,
      draftRetentionDays: 7,
    });
    expect(
      problemsOf({
        UPLOAD_FILES_PER_DOCUMENT: '0',
        OPEN_DRAFTS_PER_ACCOUNT: 'many',
        DRAFT_RETENTION_DAYS: '-1',
      }),
    ).toEqual([
      'UPLOAD_FILES_PER_DOCUMENT must be a whole number from 1 to 1000',
      'OPEN_DRAFTS_PER_ACCOUNT must be a whole number from 1 to 100000',
      'DRAFT_RETENTION_DAYS must be a whole number from 1 to 36500',
    ]);
  });

  it('ends slow requests: header, body-idle and request timeouts, and the grace of a stop, in milliseconds', () => {
    expect(loadConfig({}).httpTimeouts).toEqual({
      headersMs: 20_000,
      bodyIdleMs: 30_000,
      requestMs: 300_000,
      shutdownGraceMs: 10_000,
    });
    expect(
      loadConfig({
        HTTP_HEADERS_TIMEOUT_MS: '5000',
        HTTP_BODY_IDLE_TIMEOUT_MS: '2000',
        HTTP_REQUEST_TIMEOUT_MS: '60000',
        HTTP_SHUTDOWN_GRACE_MS: '0',
      }).httpTimeouts,
    ).toEqual({ headersMs: 5_000, bodyIdleMs: 2_000, requestMs: 60_000, shutdownGraceMs: 0 });
    expect(problemsOf({ HTTP_BODY_IDLE_TIMEOUT_MS: '0' })).toEqual([
      'HTTP_BODY_IDLE_TIMEOUT_MS must be a whole number from 1000 to 600000',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', JWT_SECRET: '' }).database.kind).toBe('sqlite');
  });

  it('points at the local payment sandbox outside production, and requires the real gateway in production', () => {
    expect(loadConfig({}).payments).toEqual({
      gatewayUrl: 'http://127.0.0.1:3002',
      tmnCode: 'ONEGATE1',
      hashSecret: 'onegate-sandbox-hash-secret-2026',
      sandboxPort: 3002,
      expiryMinutes: 15,
    });
    const production = { NODE_ENV: 'production', ...SIGNING, ...NATIONAL_ID, JWT_SECRET: 'x'.repeat(32) };
    expect(problemsOf(production)).toEqual([
      'PAYMENT_GATEWAY_URL is required when NODE_ENV=production',
      'VNPAY_TMN_CODE is required when NODE_ENV=production',
      'VNPAY_HASH_SECRET is required when NODE_ENV=production',
    ]);
    expect(problemsOf({ PAYMENT_GATEWAY_URL: 'https://pay.vnpay.vn/path', VNPAY_TMN_CODE: 'short' })).toEqual(
      [
        'PAYMENT_GATEWAY_URL must be an http(s) origin, with no path',
        'VNPAY_TMN_CODE must be 8 letters or digits',
      ],
    );
  });
});
