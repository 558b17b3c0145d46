/** A text column whose values are sealed with the national ID keys. */
export interface SealedColumn {
  readonly table: string;
  readonly column: string;
  /** The keyed hash kept beside a national ID number, recomputed with it. */
  readonly hashColumn?: string;
  /** National ID numbers: an empty one stays empty rather than sealed. */
  readonly emptyStaysPlain?: boolean;
  /** Rows read, and written, per transaction: smaller for text that may be tens of KB a value. */
  readonly pageSize?: number;
}

const BODY_PAGE_SIZE = 200;

/** Where national ID numbers are stored, and the lookup hash kept beside each. */
export const NATIONAL_ID_COLUMNS: readonly SealedColumn[] = [
  { table: 'users', column: 'national_id', hashColumn: 'national_id_hash', emptyStaysPlain: true },
  {
    table: 'applications',
    column: 'applicant_national_id',
    hashColumn: 'applicant_national_id_hash',
    emptyStaysPlain: true,
  },
];

/** Applications' form answers, their JSON text sealed whole. */
export const FORM_ANSWER_COLUMNS: readonly SealedColumn[] = [
  { table: 'applications', column: 'form_data', pageSize: BODY_PAGE_SIZE },
];

/**
 * Other personal text: phone numbers, the bodies of notifications and of caught e-mails (they repeat the
 * form answers), the answers kept for Idempotency-Keys (they repeat whole applications), and the messages of files'
 * threads, citizens' feedback with its answers, and webhooks' secrets and bodies.
 */
export const PERSONAL_TEXT_COLUMNS: readonly SealedColumn[] = [
  { table: 'users', column: 'phone', pageSize: BODY_PAGE_SIZE },
  // Kept in E.164 form, so its lookup hash is the hash of the value itself.
  { table: 'applications', column: 'applicant_phone', hashColumn: 'applicant_phone_hash' },
  { table: 'notifications', column: 'text_body', pageSize: BODY_PAGE_SIZE },
  { table: 'notifications', column: 'html_body', pageSize: BODY_PAGE_SIZE },
  { table: 'mail_sink_messages', column: 'text_body', pageSize: BODY_PAGE_SIZE },
  { table: 'mail_sink_messages', column: 'html_body', pageSize: BODY_PAGE_SIZE },
  { table: 'idempotency_records', column: 'response_body', pageSize: BODY_PAGE_SIZE },
  { table: 'application_messages', column: 'body', pageSize: BODY_PAGE_SIZE },
  { table: 'feedback', column: 'subject', pageSize: BODY_PAGE_SIZE },
  { table: 'feedback', column: 'body', pageSize: BODY_PAGE_SIZE },
  { table: 'feedback', column: 'contact', pageSize: BODY_PAGE_SIZE },
  { table: 'feedback', column: 'answer', pageSize: BODY_PAGE_SIZE },
  { table: 'webhook_subscriptions', column: 'secret' },
  { table: 'webhook_subscriptions', column: 'previous_secret' },
  { table: 'webhook_deliveries', column: 'payload', pageSize: BODY_PAGE_SIZE },
  // Kept in E.164 form, so its hash (the hourly limit's) is the hash of the value itself.
  { table: 'text_messages', column: 'phone', hashColumn: 'phone_hash' },
  { table: 'text_messages', column: 'body', pageSize: BODY_PAGE_SIZE },
];
