import type { NationalIdKeys } from './national-id-cipher';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** postgres:// URL, or the SQLite file path. */
  url: string;
}

export type AppConfigValues = Omit<AppConfig, 'isProduction'>;

/** The validated, typed configuration injected everywhere; nothing else reads process.env. */
export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  nationalIdClaim: string;
}

/** The agency's signing certificate for result documents (PKCS#12). */
export interface SigningConfig {
  certPath: string;
  passphrase: string;
}

/** What one citizen may keep stored, and how long an untouched draft stays (docs/applications.md). */
export interface StorageLimitsConfig {
  filesPerDocument: number;
  bytesPerApplication: number;
  openDraftsPerAccount: number;
  draftRetentionDays: number;
}

/** How long an access token lives, by channel; a token claiming to live longer is refused (docs/identity.md). */
export interface AccessTokenLifetimes {
  apiSeconds: number;
  /** The web's token is the whole cookie session. */
  webSeconds: number;
}

/** The payment gateway OneGate sends citizens to (docs/payments.md). */
export interface PaymentsConfig {
  /** The gateway's origin: its payment page and transaction API are paths under it. */
  gatewayUrl: string;
  tmnCode: string;
  hashSecret: string;
  /** Port of the local sandbox gateway (development and tests). */
  sandboxPort: number;
  expiryMinutes: number;
}

/** Outgoing webhooks (docs/webhooks.md). */
export interface WebhooksConfig {
  /** Lower-case host names and addresses that may be reached although private, loopback or link-local. */
  allowedHosts: string[];
  timeoutMs: number;
  retryFirstMs: number;
  retryLongestMs: number;
  /** How long after its first try a delivery is given up. */
  retryForMs: number;
  /** How long a subscription fails without a success before it is disabled. */
  disableAfterMs: number;
  secretOverlapMs: number;
}

/** The national public-service portal that files are synchronised to (docs/integrations.md). */
export interface NationalPortalConfig {
  /** The portal's endpoint; null (production without NATIONAL_PORTAL_URL): nothing is sent. */
  url: string | null;
  /** Never logged. */
  username: string;
  password: string;
  /** The province's unit code (`madonvi`). */
  unitCode: string;
  /** Port of the local stand-in (development and tests). */
  standInPort: number;
  timeoutMs: number;
  retryFirstMs: number;
  retryLongestMs: number;
}

/** The SMS and Zalo (ZNS) provider (docs/text-messages.md). */
export interface TextMessagesConfig {
  /** The provider's endpoint; null (production without TEXT_MESSAGE_URL): no text message is sent. */
  url: string | null;
  /** Bearer token; never logged. */
  token: string;
  /** Port of the local stand-in (development and tests). */
  standInPort: number;
  timeoutMs: number;
  /** Notices sent to one number in any hour. */
  hourlyLimit: number;
}

/** Partner API clients (docs/partner-clients.md). */
export interface PartnersConfig {
  /** How long a rotated secret is still accepted beside the new one. */
  secretOverlapMs: number;
  /** How long an access token lives. */
  tokenSeconds: number;
  /** Calls a client may make a minute. */
  ratePerMinute: number;
}

export interface HttpTimeouts {
  headersMs: number;
  bodyIdleMs: number;
  requestMs: number;
  /** How long closing waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
}

export class AppConfig {
  public readonly env!: 'development' | 'test' | 'production';
  public readonly port!: number;
  public readonly workerPort!: number;
  public readonly database!: DatabaseConfig;
  public readonly readDatabase!: DatabaseConfig;
  /** The owner role that runs migrations; null: the application's own connection runs them. */
  public readonly migrationDatabase!: DatabaseConfig | null;
  public readonly redisUrl!: string;
  public readonly queuePrefix!: string;
  public readonly workerConcurrency!: number;
  /** How often the worker checks that relayed jobs still exist in Redis (the grace period is twice that). */
  public readonly outboxReconcileMs!: number;
  /** How long an Idempotency-Key stays claimed by a request that stops renewing it (a crashed process). */
  public readonly idempotencyLeaseMs!: number;
  public readonly jwtSecret!: string;
  public readonly accessTokenLifetimes!: AccessTokenLifetimes;
  /** How long an e-mail verification link is valid. */
  public readonly emailVerificationMs!: number;
  public readonly nationalIdKeys!: NationalIdKeys;
  public readonly demoPassword!: string | null;
  /** The demo history to seed into an empty database (docs/operations.md, "Demo history"); null: none. */
  public readonly demoHistory!: { files: number } | null;
  public readonly logLevel!: string;
  public readonly authRateLimit!: number;
  /** Exact web origins allowed to call the API from a browser; empty: CORS is closed. */
  public readonly corsOrigins!: string[];
  /** Largest JSON or form body, in bytes. */
  public readonly bodyLimitBytes!: number;
  /** Slow clients: how long headers, a stalled body, and a whole request may take (docs/operations.md). */
  public readonly httpTimeouts!: HttpTimeouts;
  public readonly publicUrl!: string;
  public readonly oidc!: OidcConfig | null;
  public readonly storageDir!: string;
  public readonly storageLimits!: StorageLimitsConfig;
  /** null: no mail server configured (a local sink outside production, no e-mail in production). */
  public readonly smtpUrl!: string | null;
  public readonly mailFrom!: string;
  /** The largest signed result the "result ready" e-mail attaches, in bytes (docs/notifications.md). */
  public readonly mailResultAttachmentBytes!: number;
  /** Working days to answer feedback where the agency sets none (docs/feedback.md). */
  public readonly feedbackDays!: number;
  /** The open data: the fewest files a published figure may be counted on, and the cache time (docs/open-data.md). */
  public readonly openData!: { minFiles: number; cacheSeconds: number };
  /** Days after its answer that feedback about an agency keeps its texts (docs/feedback.md, "Retention"). */
  public readonly feedbackRetentionDays!: number;
  public readonly templatesDir!: string;
  /** The electronic fee receipts' form number and series (docs/payments.md, "Electronic receipts"). */
  public readonly feeReceipts!: { formNumber: string; series: string };
  /** null outside production when unset: a self-signed development certificate is used. */
  public readonly signing!: SigningConfig | null;
  public readonly payments!: PaymentsConfig;
  public readonly webhooks!: WebhooksConfig;
  public readonly nationalPortal!: NationalPortalConfig;
  public readonly partners!: PartnersConfig;
  public readonly textMessages!: TextMessagesConfig;

  public constructor(values: AppConfigValues) {
    Object.assign(this, values);
  }

  public get isProduction(): boolean {
    return this.env === 'production';
  }
}
