import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { NATIONAL_ID_KEYS_PATTERN } from './national-id-keys';

const DATABASE_URL_PATTERN = /^(postgres(ql)?:\/\/.+|sqlite:.+)$/;
const REDIS_URL_PATTERN = /^rediss?:\/\/.+/;
/** Exact origins (scheme, host, optional port; no path), comma-separated, or nothing. */
const CORS_ORIGINS_PATTERN = /^(\s*https?:\/\/[^/,\s]+\s*(,\s*https?:\/\/[^/,\s]+\s*)*)?$/;
/** A whole number in [min, max], read from its string, with one message naming the range. */
const IsIntegerBetween = (min: number, max: number) => {
  const message = `$property must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    Type(() => Number),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
};
/** Host names or IP addresses, comma-separated, or nothing. */
const HOST_LIST_PATTERN = /^(\s*[A-Za-z0-9.:\-[\]]+\s*(,\s*[A-Za-z0-9.:\-[\]]+\s*)*)?$/;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const ENVIRONMENT_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'WORKER_PORT',
  'DATABASE_URL',
  'DATABASE_READ_URL',
  'DATABASE_MIGRATION_URL',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'WORKER_CONCURRENCY',
  'OUTBOX_RECONCILE_MS',
  'IDEMPOTENCY_LEASE_SECONDS',
  'JWT_SECRET',
  'ACCESS_TOKEN_MINUTES',
  'WEB_SESSION_HOURS',
  'EMAIL_VERIFICATION_HOURS',
  'NATIONAL_ID_KEYS',
  'NATIONAL_ID_HASH_KEY',
  'DEMO_PASSWORD',
  'DEMO_HISTORY',
  'DEMO_HISTORY_FILES',
  'LOG_LEVEL',
  'AUTH_RATE_LIMIT',
  'CORS_ORIGINS',
  'BODY_LIMIT_KB',
  'HTTP_HEADERS_TIMEOUT_MS',
  'HTTP_BODY_IDLE_TIMEOUT_MS',
  'HTTP_REQUEST_TIMEOUT_MS',
  'HTTP_SHUTDOWN_GRACE_MS',
  'PUBLIC_URL',
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_NATIONAL_ID_CLAIM',
  'STORAGE_DIR',
  'UPLOAD_FILES_PER_DOCUMENT',
  'UPLOAD_MB_PER_APPLICATION',
  'OPEN_DRAFTS_PER_ACCOUNT',
  'DRAFT_RETENTION_DAYS',
  'FEEDBACK_DAYS',
  'OPEN_DATA_MIN_FILES',
  'OPEN_DATA_CACHE_SECONDS',
  'FEEDBACK_RETENTION_DAYS',
  'SMTP_URL',
  'MAIL_FROM',
  'MAIL_RESULT_ATTACHMENT_KB',
  'TEMPLATES_DIR',
  'SIGNING_CERT_PATH',
  'SIGNING_CERT_PASSPHRASE',
  'RECEIPT_FORM_NUMBER',
  'RECEIPT_SERIES',
  'PAYMENT_GATEWAY_URL',
  'VNPAY_TMN_CODE',
  'VNPAY_HASH_SECRET',
  'PAYMENT_SANDBOX_PORT',
  'PAYMENT_EXPIRY_MINUTES',
  'WEBHOOK_ALLOWED_HOSTS',
  'WEBHOOK_TIMEOUT_SECONDS',
  'WEBHOOK_RETRY_FIRST_SECONDS',
  'WEBHOOK_RETRY_LONGEST_HOURS',
  'WEBHOOK_RETRY_HOURS',
  'WEBHOOK_DISABLE_AFTER_HOURS',
  'WEBHOOK_SECRET_OVERLAP_HOURS',
  'NATIONAL_PORTAL_URL',
  'NATIONAL_PORTAL_USERNAME',
  'NATIONAL_PORTAL_PASSWORD',
  'NATIONAL_PORTAL_UNIT_CODE',
  'NATIONAL_PORTAL_STANDIN_PORT',
  'NATIONAL_PORTAL_TIMEOUT_SECONDS',
  'NATIONAL_SYNC_RETRY_FIRST_SECONDS',
  'NATIONAL_SYNC_RETRY_LONGEST_HOURS',
  'TEXT_MESSAGE_URL',
  'TEXT_MESSAGE_TOKEN',
  'TEXT_MESSAGE_STANDIN_PORT',
  'TEXT_MESSAGE_TIMEOUT_SECONDS',
  'TEXT_MESSAGE_HOURLY_LIMIT',
] as const;

/** Every environment variable OneGate reads, validated once at boot. */
export class Environment {
  @IsIn(['development', 'test', 'production'], {
    message: 'NODE_ENV must be development, test or production',
  })
  public NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIntegerBetween(0, 65535)
  public PORT = 3000;

  @IsIntegerBetween(0, 65535)
  public WORKER_PORT = 3001;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(DATABASE_URL_PATTERN, { message: 'DATABASE_URL must be postgres://… or sqlite:PATH' })
  public DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(DATABASE_URL_PATTERN, { message: 'DATABASE_READ_URL must be postgres://… or sqlite:PATH' })
  public DATABASE_READ_URL?: string;

  /** The owner role that runs migrations, when the application's own role may not change the schema. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_MIGRATION_URL must be postgres://…' })
  public DATABASE_MIGRATION_URL?: string;

  @Matches(REDIS_URL_PATTERN, { message: 'REDIS_URL must be redis://… or rediss://…' })
  public REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^\{[A-Za-z0-9_.:-]+\}$/, {
    message: 'QUEUE_PREFIX must be a Redis Cluster hash tag such as {onegate}',
  })
  public QUEUE_PREFIX = '{onegate}';

  @IsIntegerBetween(1, 256)
  public WORKER_CONCURRENCY = 4;

  /** How often the worker checks that relayed jobs still exist in Redis; one missing for twice as long is enqueued again. */
  @IsIntegerBetween(100, 3_600_000)
  public OUTBOX_RECONCILE_MS = 30_000;

  /**
   * How long a request with an Idempotency-Key holds its key without news: the process running it renews
   * the lease while it works, so a key held longer than this was left by a process that died.
   */
  @IsIntegerBetween(1, 3600)
  public IDEMPOTENCY_LEASE_SECONDS = 60;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  // Listed last so it is checked first: a missing secret is reported as missing, not as too short.
  @IsNotEmpty({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  public JWT_SECRET?: string;

  /** How long an API access token lives; a refresh token gets the next one. */
  @IsIntegerBetween(1, 60)
  public ACCESS_TOKEN_MINUTES = 15;

  /** How long a web page session lives (its access token and cookies), from sign-in. */
  @IsIntegerBetween(1, 24)
  public WEB_SESSION_HOURS = 12;

  /** How long the link that verifies an account's e-mail address stays valid. */
  @IsIntegerBetween(1, 168)
  public EMAIL_VERIFICATION_HOURS = 48;

  /** AES-256 keys for national ID numbers at rest: `id:base64key`, comma-separated; the first encrypts. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.NATIONAL_ID_KEYS !== undefined)
  @Matches(NATIONAL_ID_KEYS_PATTERN, {
    message: 'NATIONAL_ID_KEYS must be comma-separated id:key pairs, each key 32 bytes in base64',
  })
  @IsNotEmpty({ message: 'NATIONAL_ID_KEYS is required when NODE_ENV=production' })
  public NATIONAL_ID_KEYS?: string;

  /** The HMAC key of the national ID lookup hash. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.NATIONAL_ID_HASH_KEY !== undefined)
  @MinLength(32, { message: 'NATIONAL_ID_HASH_KEY must be at least 32 characters' })
  @IsNotEmpty({ message: 'NATIONAL_ID_HASH_KEY is required when NODE_ENV=production' })
  public NATIONAL_ID_HASH_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @MinLength(10, { message: 'DEMO_PASSWORD must be at least 10 characters' })
  public DEMO_PASSWORD?: string;

  /** A year of generated history imported into an empty demo database at start (docs/operations.md). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['on', 'off'], { message: 'DEMO_HISTORY must be on or off' })
  public DEMO_HISTORY?: 'on' | 'off';

  /** How many files that year of demo history holds. */
  @IsIntegerBetween(1, 1_000_000)
  public DEMO_HISTORY_FILES = 30_000;

  /** Sign-in, registration and refresh requests allowed per client IP and route, per minute. */
  @IsIntegerBetween(1, 10_000)
  public AUTH_RATE_LIMIT = 20;

  /** Web origins allowed to call the API from a browser, comma-separated; empty: no CORS headers. */
  @Matches(CORS_ORIGINS_PATTERN, {
    message: 'CORS_ORIGINS must be comma-separated origins such as https://portal.example.vn',
  })
  public CORS_ORIGINS = '';

  /** Largest JSON or form body, in KiB (uploads and imports have their own limits). */
  @IsIntegerBetween(1, 10_240)
  public BODY_LIMIT_KB = 100;

  /** How long a client may take to send a request's headers before its connection is closed. */
  @IsIntegerBetween(1_000, 600_000)
  public HTTP_HEADERS_TIMEOUT_MS = 20_000;

  /** How long a request's body may stall (no byte arriving), or its answer go unread, before the connection is closed. */
  @IsIntegerBetween(1_000, 600_000)
  public HTTP_BODY_IDLE_TIMEOUT_MS = 30_000;

  /** How long a client may take to send a whole request, headers and body (the largest upload included). */
  @IsIntegerBetween(1_000, 3_600_000)
  public HTTP_REQUEST_TIMEOUT_MS = 300_000;

  /** How long a stopping API waits for requests in flight before it closes the connections left. */
  @IsIntegerBetween(0, 600_000)
  public HTTP_SHUTDOWN_GRACE_MS = 10_000;

  /** Where citizens reach OneGate; used for links and the OpenID Connect redirect. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+(\/.*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  public PUBLIC_URL?: string;

  /** The national identity provider (OpenID Connect). Unset: that sign-in is off. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'OIDC_ISSUER_URL must be an http(s) URL' })
  public OIDC_ISSUER_URL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.OIDC_ISSUER_URL !== undefined)
  @IsNotEmpty({ message: 'OIDC_CLIENT_ID is required when OIDC_ISSUER_URL is set' })
  public OIDC_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.OIDC_ISSUER_URL !== undefined)
  @IsNotEmpty({ message: 'OIDC_CLIENT_SECRET is required when OIDC_ISSUER_URL is set' })
  public OIDC_CLIENT_SECRET?: string;

  /** The ID-token or userinfo claim that carries the citizen's 12-digit national ID number. */
  @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'OIDC_NATIONAL_ID_CLAIM must be a claim name' })
  public OIDC_NATIONAL_ID_CLAIM = 'national_id';

  /** Where uploaded documents and issued results are kept. */
  @IsNotEmpty({ message: 'STORAGE_DIR must not be empty' })
  public STORAGE_DIR = 'data/files';

  /** Documents one application keeps under one required document (or among its extra documents). */
  @IsIntegerBetween(1, 1_000)
  public UPLOAD_FILES_PER_DOCUMENT = 5;

  /** Total size of the documents a citizen uploads to one application, in MiB. */
  @IsIntegerBetween(1, 10_240)
  public UPLOAD_MB_PER_APPLICATION = 50;

  /** Drafts one citizen account may have at once. */
  @IsIntegerBetween(1, 100_000)
  public OPEN_DRAFTS_PER_ACCOUNT = 10;

  /** Days after its last change that the nightly retention sweep removes a draft with its documents. */
  @IsIntegerBetween(1, 36_500)
  public DRAFT_RETENTION_DAYS = 30;

  /** Working days an agency has to answer feedback, unless it sets its own (docs/feedback.md). */
  @IsIntegerBetween(1, 60)
  public FEEDBACK_DAYS = 10;

  /** The open data publish no figure counted on fewer files than this (docs/open-data.md). */
  @IsIntegerBetween(1, 1000)
  public OPEN_DATA_MIN_FILES = 10;

  /** How long the open data are kept and may be cached by anyone, in seconds (docs/open-data.md). */
  @IsIntegerBetween(1, 86_400)
  public OPEN_DATA_CACHE_SECONDS = 300;

  /** Days after its answer that the nightly retention sweep empties the texts of feedback about an agency. */
  @IsIntegerBetween(1, 36_500)
  public FEEDBACK_RETENTION_DAYS = 3_650;

  /** Outgoing mail server. Unset outside production: the worker runs a local SMTP sink. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^/]+/, { message: 'SMTP_URL must be smtp://… or smtps://…' })
  public SMTP_URL?: string;

  @IsNotEmpty({ message: 'MAIL_FROM must not be empty' })
  public MAIL_FROM = 'OneGate <no-reply@onegate.local>';

  /** The largest signed result, in KiB, that the "result ready" e-mail carries attached (0: never). */
  @IsIntegerBetween(0, 25_600)
  public MAIL_RESULT_ATTACHMENT_KB = 2_048;

  /** The electronic fee receipt's form number (mẫu số); unconfirmed, see docs/payments.md. */
  @IsNotEmpty({ message: 'RECEIPT_FORM_NUMBER must not be empty' })
  @MaxLength(20, { message: 'RECEIPT_FORM_NUMBER must be at most 20 characters' })
  public RECEIPT_FORM_NUMBER = '01BLP0-001';

  /** The electronic fee receipt's series (ký hiệu); unconfirmed, see docs/payments.md. */
  @IsNotEmpty({ message: 'RECEIPT_SERIES must not be empty' })
  @MaxLength(20, { message: 'RECEIPT_SERIES must be at most 20 characters' })
  public RECEIPT_SERIES = 'OG-E';

  /** Where the mail templates are, relative to the working directory unless absolute. */
  @IsNotEmpty({ message: 'TEMPLATES_DIR must not be empty' })
  public TEMPLATES_DIR = 'templates';

  /** The agency's PKCS#12 signing certificate. Unset outside production: a self-signed one is made. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.SIGNING_CERT_PATH !== undefined)
  @IsNotEmpty({ message: 'SIGNING_CERT_PATH is required when NODE_ENV=production' })
  public SIGNING_CERT_PATH?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.SIGNING_CERT_PATH !== undefined)
  @IsNotEmpty({
    message: 'SIGNING_CERT_PASSPHRASE is required when NODE_ENV=production or SIGNING_CERT_PATH is set',
  })
  public SIGNING_CERT_PASSPHRASE?: string;

  /** The payment gateway (VNPAY protocol 2.1.0); unset outside production: the local sandbox (docs/payments.md). */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.PAYMENT_GATEWAY_URL !== undefined)
  @Matches(/^https?:\/\/[^/]+$/, { message: 'PAYMENT_GATEWAY_URL must be an http(s) origin, with no path' })
  @IsNotEmpty({ message: 'PAYMENT_GATEWAY_URL is required when NODE_ENV=production' })
  public PAYMENT_GATEWAY_URL?: string;

  /** OneGate's merchant code at the gateway (8 characters); the sandbox's outside production when unset. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.VNPAY_TMN_CODE !== undefined)
  @Matches(/^[A-Za-z0-9]{8}$/, { message: 'VNPAY_TMN_CODE must be 8 letters or digits' })
  @IsNotEmpty({ message: 'VNPAY_TMN_CODE is required when NODE_ENV=production' })
  public VNPAY_TMN_CODE?: string;

  /** The secret that signs what OneGate and the gateway send each other; the sandbox's outside production when unset. */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NODE_ENV === 'production' || env.VNPAY_HASH_SECRET !== undefined)
  @MinLength(16, { message: 'VNPAY_HASH_SECRET must be at least 16 characters' })
  @IsNotEmpty({ message: 'VNPAY_HASH_SECRET is required when NODE_ENV=production' })
  public VNPAY_HASH_SECRET?: string;

  /** Port of the local sandbox gateway that `npm start` runs in development. */
  @IsIntegerBetween(1, 65_535)
  public PAYMENT_SANDBOX_PORT = 3002;

  /** How long a citizen has to pay at the gateway once a payment is created. */
  @IsIntegerBetween(5, 1_440)
  public PAYMENT_EXPIRY_MINUTES = 15;

  /** Hosts (names or addresses) webhooks may reach although they are private, loopback or link-local (docs/webhooks.md). */
  @Matches(HOST_LIST_PATTERN, {
    message: 'WEBHOOK_ALLOWED_HOSTS must be comma-separated host names or IP addresses',
  })
  public WEBHOOK_ALLOWED_HOSTS = '';

  /** How long one webhook request may take, answer included (docs/webhooks.md). */
  @IsIntegerBetween(15, 30)
  public WEBHOOK_TIMEOUT_SECONDS = 20;

  /** The wait before a failed webhook's first retry; each next wait is about four times longer. */
  @IsIntegerBetween(1, 3_600)
  public WEBHOOK_RETRY_FIRST_SECONDS = 5;

  /** The longest wait between two tries of one webhook. */
  @IsIntegerBetween(1, 72)
  public WEBHOOK_RETRY_LONGEST_HOURS = 24;

  /** How long a webhook is retried before it is given up. */
  @IsIntegerBetween(1, 720)
  public WEBHOOK_RETRY_HOURS = 72;

  /** How long a subscription may fail without one success before it is disabled and its owner told. */
  @IsIntegerBetween(1, 720)
  public WEBHOOK_DISABLE_AFTER_HOURS = 72;

  /** How long a rotated secret keeps signing beside the new one. */
  @IsIntegerBetween(0, 720)
  public WEBHOOK_SECRET_OVERLAP_HOURS = 24;

  /**
   * The national public-service portal's synchronisation endpoint (docs/integrations.md); unset: the
   * local stand-in outside production, no synchronisation in production.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.NATIONAL_PORTAL_URL !== undefined)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'NATIONAL_PORTAL_URL must be an http(s) URL' })
  public NATIONAL_PORTAL_URL?: string;

  /** The account OneGate signs in to the national portal with; required with NATIONAL_PORTAL_URL in production. */
  @Transform(emptyToUndefined)
  @ValidateIf(
    (env: Environment) =>
      (env.NODE_ENV === 'production' && env.NATIONAL_PORTAL_URL !== undefined) ||
      env.NATIONAL_PORTAL_USERNAME !== undefined,
  )
  @MaxLength(200, { message: 'NATIONAL_PORTAL_USERNAME must be at most 200 characters' })
  @IsNotEmpty({
    message: 'NATIONAL_PORTAL_USERNAME is required when NATIONAL_PORTAL_URL is set in production',
  })
  public NATIONAL_PORTAL_USERNAME?: string;

  @Transform(emptyToUndefined)
  @ValidateIf(
    (env: Environment) =>
      (env.NODE_ENV === 'production' && env.NATIONAL_PORTAL_URL !== undefined) ||
      env.NATIONAL_PORTAL_PASSWORD !== undefined,
  )
  @MaxLength(200, { message: 'NATIONAL_PORTAL_PASSWORD must be at most 200 characters' })
  @IsNotEmpty({
    message: 'NATIONAL_PORTAL_PASSWORD is required when NATIONAL_PORTAL_URL is set in production',
  })
  public NATIONAL_PORTAL_PASSWORD?: string;

  /** The province's unit code at the national portal (`madonvi`). */
  @Matches(/^[A-Za-z0-9.\-_]{1,40}$/, {
    message: 'NATIONAL_PORTAL_UNIT_CODE must be 1 to 40 letters, digits, dots, dashes or underscores',
  })
  public NATIONAL_PORTAL_UNIT_CODE = '000.00.00.H00';

  /** Port of the local stand-in of the national portal that `npm start` runs when NATIONAL_PORTAL_URL is unset. */
  @IsIntegerBetween(1, 65_535)
  public NATIONAL_PORTAL_STANDIN_PORT = 3003;

  /** How long one request to the national portal may take, answer included. */
  @IsIntegerBetween(5, 120)
  public NATIONAL_PORTAL_TIMEOUT_SECONDS = 20;

  /** The wait before a failed synchronisation's first retry; each next wait is about four times longer. */
  @IsIntegerBetween(1, 3_600)
  public NATIONAL_SYNC_RETRY_FIRST_SECONDS = 30;

  /** The longest wait between two tries of one synchronisation. */
  @IsIntegerBetween(1, 72)
  public NATIONAL_SYNC_RETRY_LONGEST_HOURS = 6;

  /**
   * The text-message (SMS and Zalo ZNS) provider's endpoint (docs/text-messages.md); unset: the local
   * stand-in outside production, no text messages in production.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((env: Environment) => env.TEXT_MESSAGE_URL !== undefined)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'TEXT_MESSAGE_URL must be an http(s) URL' })
  public TEXT_MESSAGE_URL?: string;

  /** The bearer token sent to the text-message provider; required with TEXT_MESSAGE_URL in production. */
  @Transform(emptyToUndefined)
  @ValidateIf(
    (env: Environment) =>
      (env.NODE_ENV === 'production' && env.TEXT_MESSAGE_URL !== undefined) ||
      env.TEXT_MESSAGE_TOKEN !== undefined,
  )
  @MaxLength(500, { message: 'TEXT_MESSAGE_TOKEN must be at most 500 characters' })
  @IsNotEmpty({ message: 'TEXT_MESSAGE_TOKEN is required when TEXT_MESSAGE_URL is set in production' })
  public TEXT_MESSAGE_TOKEN?: string;

  /** Port of the local text-message stand-in that `npm start` runs when TEXT_MESSAGE_URL is unset. */
  @IsIntegerBetween(1, 65_535)
  public TEXT_MESSAGE_STANDIN_PORT = 3004;

  /** How long one request to the text-message provider may take, answer included. */
  @IsIntegerBetween(1, 60)
  public TEXT_MESSAGE_TIMEOUT_SECONDS = 10;

  /** Notices sent to one phone number in any hour; the next wait until the hour has room. */
  @IsIntegerBetween(1, 1_000)
  public TEXT_MESSAGE_HOURLY_LIMIT = 5;

  /** How long a partner client's rotated secret is still accepted beside the new one (docs/partner-clients.md). */
  @IsIntegerBetween(0, 720)
  public PARTNER_SECRET_OVERLAP_HOURS = 24;

  /** How long a partner client's access token lives. */
  @IsIntegerBetween(1, 60)
  public PARTNER_TOKEN_MINUTES = 10;

  /** How many calls a partner client may make a minute before it is answered 429. */
  @IsIntegerBetween(1, 100_000)
  public PARTNER_RATE_PER_MINUTE = 600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  public LOG_LEVEL = 'info';
}
