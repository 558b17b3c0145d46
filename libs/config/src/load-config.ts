import { randomBytes } from 'node:crypto';

import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { validateSync } from 'class-validator';

import type { DatabaseConfig } from './app-config';
import { AppConfig } from './app-config';
import { Environment, ENVIRONMENT_VARIABLES } from './environment';
import { duplicateKeyIds, nationalIdKeysFrom } from './national-id-keys';

const HOUR_MS = 3_600_000;
export const DEFAULT_SQLITE_FILE = 'data/onegate.sqlite';
export const DEVELOPMENT_DEMO_PASSWORD = 'OneGate-demo-2026';
/** The local sandbox gateway's merchant code and secret, used outside production when none is set. */
export const SANDBOX_TMN_CODE = 'ONEGATE1';
/** The account the national portal's local stand-in takes outside production (docs/integrations.md). */
export const STAND_IN_USERNAME = 'onegate';
export const STAND_IN_PASSWORD = 'onegate-stand-in';
/** The token the local text-message stand-in takes outside production (docs/text-messages.md). */
export const TEXT_STAND_IN_TOKEN = 'onegate-text-stand-in';
export const SANDBOX_HASH_SECRET = 'onegate-sandbox-hash-secret-2026';

/** Thrown with one line per problem, so the process can print them and stop. */
export class ConfigError extends Error {
  public constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = plainToInstance(Environment, pickKnown(source), { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true, stopAtFirstError: true });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(describe));
  const database = parseDatabaseUrl(env.DATABASE_URL);
  const nationalIdKeys = nationalIdKeysFrom(env.NATIONAL_ID_KEYS, env.NATIONAL_ID_HASH_KEY);
  const problems = [
    ...duplicateKeyIds(nationalIdKeys).map((id) => `NATIONAL_ID_KEYS names key ${id} twice`),
    ...(env.DATABASE_MIGRATION_URL && database.kind !== 'postgres'
      ? ['DATABASE_MIGRATION_URL needs DATABASE_URL on PostgreSQL too']
      : []),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig({
    env: env.NODE_ENV,
    port: env.PORT,
    workerPort: env.WORKER_PORT,
    database,
    readDatabase: env.DATABASE_READ_URL ? parseDatabaseUrl(env.DATABASE_READ_URL) : database,
    migrationDatabase: env.DATABASE_MIGRATION_URL ? parseDatabaseUrl(env.DATABASE_MIGRATION_URL) : null,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    workerConcurrency: env.WORKER_CONCURRENCY,
    outboxReconcileMs: env.OUTBOX_RECONCILE_MS,
    idempotencyLeaseMs: env.IDEMPOTENCY_LEASE_SECONDS * 1000,
    // Outside production a random secret per boot is safe: tokens simply do not survive restarts.
    jwtSecret: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    accessTokenLifetimes: {
      apiSeconds: env.ACCESS_TOKEN_MINUTES * 60,
      webSeconds: env.WEB_SESSION_HOURS * 60 * 60,
    },
    emailVerificationMs: env.EMAIL_VERIFICATION_HOURS * 3_600_000,
    nationalIdKeys,
    demoPassword: env.NODE_ENV === 'production' ? null : (env.DEMO_PASSWORD ?? DEVELOPMENT_DEMO_PASSWORD),
    demoHistory: demoHistoryOf(env),
    logLevel: env.LOG_LEVEL,
    authRateLimit: env.AUTH_RATE_LIMIT,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    bodyLimitBytes: env.BODY_LIMIT_KB * 1024,
    httpTimeouts: {
      headersMs: env.HTTP_HEADERS_TIMEOUT_MS,
      bodyIdleMs: env.HTTP_BODY_IDLE_TIMEOUT_MS,
      requestMs: env.HTTP_REQUEST_TIMEOUT_MS,
      shutdownGraceMs: env.HTTP_SHUTDOWN_GRACE_MS,
    },
    storageDir: env.STORAGE_DIR,
    storageLimits: {
      filesPerDocument: env.UPLOAD_FILES_PER_DOCUMENT,
      bytesPerApplication: env.UPLOAD_MB_PER_APPLICATION * 1024 * 1024,
      openDraftsPerAccount: env.OPEN_DRAFTS_PER_ACCOUNT,
      draftRetentionDays: env.DRAFT_RETENTION_DAYS,
    },
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    mailResultAttachmentBytes: env.MAIL_RESULT_ATTACHMENT_KB * 1024,
    feedbackDays: env.FEEDBACK_DAYS,
    openData: { minFiles: env.OPEN_DATA_MIN_FILES, cacheSeconds: env.OPEN_DATA_CACHE_SECONDS },
    feedbackRetentionDays: env.FEEDBACK_RETENTION_DAYS,
    templatesDir: env.TEMPLATES_DIR,
    feeReceipts: { formNumber: env.RECEIPT_FORM_NUMBER, series: env.RECEIPT_SERIES },
    signing: env.SIGNING_CERT_PATH
      ? { certPath: env.SIGNING_CERT_PATH, passphrase: env.SIGNING_CERT_PASSPHRASE! }
      : null,
    payments: {
      gatewayUrl: env.PAYMENT_GATEWAY_URL ?? `http://127.0.0.1:${env.PAYMENT_SANDBOX_PORT}`,
      tmnCode: env.VNPAY_TMN_CODE ?? SANDBOX_TMN_CODE,
      hashSecret: env.VNPAY_HASH_SECRET ?? SANDBOX_HASH_SECRET,
      sandboxPort: env.PAYMENT_SANDBOX_PORT,
      expiryMinutes: env.PAYMENT_EXPIRY_MINUTES,
    },
    webhooks: {
      allowedHosts: env.WEBHOOK_ALLOWED_HOSTS.split(',')
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[(.*)\]$/, '$1'),
        )
        .filter((host) => host !== ''),
      timeoutMs: env.WEBHOOK_TIMEOUT_SECONDS * 1000,
      retryFirstMs: env.WEBHOOK_RETRY_FIRST_SECONDS * 1000,
      retryLongestMs: env.WEBHOOK_RETRY_LONGEST_HOURS * HOUR_MS,
      retryForMs: env.WEBHOOK_RETRY_HOURS * HOUR_MS,
      disableAfterMs: env.WEBHOOK_DISABLE_AFTER_HOURS * HOUR_MS,
      secretOverlapMs: env.WEBHOOK_SECRET_OVERLAP_HOURS * HOUR_MS,
    },
    nationalPortal: {
      url:
        env.NATIONAL_PORTAL_URL?.replace(/\/$/, '') ??
        (env.NODE_ENV === 'production' ? null : `http://127.0.0.1:${env.NATIONAL_PORTAL_STANDIN_PORT}`),
      username: env.NATIONAL_PORTAL_USERNAME ?? STAND_IN_USERNAME,
      password: env.NATIONAL_PORTAL_PASSWORD ?? STAND_IN_PASSWORD,
      unitCode: env.NATIONAL_PORTAL_UNIT_CODE,
      standInPort: env.NATIONAL_PORTAL_STANDIN_PORT,
      timeoutMs: env.NATIONAL_PORTAL_TIMEOUT_SECONDS * 1000,
      retryFirstMs: env.NATIONAL_SYNC_RETRY_FIRST_SECONDS * 1000,
      retryLongestMs: env.NATIONAL_SYNC_RETRY_LONGEST_HOURS * HOUR_MS,
    },
    partners: {
      secretOverlapMs: env.PARTNER_SECRET_OVERLAP_HOURS * HOUR_MS,
      tokenSeconds: env.PARTNER_TOKEN_MINUTES * 60,
      ratePerMinute: env.PARTNER_RATE_PER_MINUTE,
    },
    textMessages: {
      url:
        env.TEXT_MESSAGE_URL?.replace(/\/$/, '') ??
        (env.NODE_ENV === 'production' ? null : `http://127.0.0.1:${env.TEXT_MESSAGE_STANDIN_PORT}`),
      token: env.TEXT_MESSAGE_TOKEN ?? TEXT_STAND_IN_TOKEN,
      standInPort: env.TEXT_MESSAGE_STANDIN_PORT,
      timeoutMs: env.TEXT_MESSAGE_TIMEOUT_SECONDS * 1000,
      hourlyLimit: env.TEXT_MESSAGE_HOURLY_LIMIT,
    },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    oidc: env.OIDC_ISSUER_URL
      ? {
          issuerUrl: env.OIDC_ISSUER_URL,
          clientId: env.OIDC_CLIENT_ID!,
          clientSecret: env.OIDC_CLIENT_SECRET!,
          nationalIdClaim: env.OIDC_NATIONAL_ID_CLAIM,
        }
      : null,
  } as AppConfig);
}

export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) return { kind: 'sqlite', url: DEFAULT_SQLITE_FILE };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', url: url.slice('sqlite:'.length) };
  return { kind: 'postgres', url };
}

/** On by default outside production and tests; never in production, where there is no demo data. */
function demoHistoryOf(env: Environment): AppConfig['demoHistory'] {
  if (env.NODE_ENV === 'production') return null;
  const on = env.DEMO_HISTORY ? env.DEMO_HISTORY === 'on' : env.NODE_ENV === 'development';
  return on ? { files: env.DEMO_HISTORY_FILES } : null;
}

function pickKnown(source: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of ENVIRONMENT_VARIABLES) {
    const value = source[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

/** One line per variable: its first failed rule, always naming the variable. */
function describe(error: ValidationError): string[] {
  const [message] = Object.values(error.constraints ?? {});
  if (message === undefined) return [];
  return [message.startsWith(error.property) ? message : `${error.property}: ${message}`];
}
