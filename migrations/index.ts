import { CreateAgencies1764100000000 } from './1764100000000-create-agencies';
import { CreateProcedures1764100001000 } from './1764100001000-create-procedures';
import { CreateUsers1764100002000 } from './1764100002000-create-users';
import { CreateJobRuns1764100003000 } from './1764100003000-create-job-runs';
import { CreateRefreshTokens1764100004000 } from './1764100004000-create-refresh-tokens';
import { CreateAuditEvents1764100005000 } from './1764100005000-create-audit-events';
import { CreateCalendarOverrides1764100006000 } from './1764100006000-create-calendar-overrides';
import { CreateApplications1764100010000 } from './1764100010000-create-applications';
import { CreateApplicationEvents1764100011000 } from './1764100011000-create-application-events';
import { CreateAttachments1764100012000 } from './1764100012000-create-attachments';
import { CreateReceiptSequences1764100013000 } from './1764100013000-create-receipt-sequences';
import { CreateNotifications1764100020000 } from './1764100020000-create-notifications';
import { CreateMailSinkMessages1764100021000 } from './1764100021000-create-mail-sink-messages';
import { CreateApplicationRatings1764100030000 } from './1764100030000-create-application-ratings';
import { CreateReportRollups1764100031000 } from './1764100031000-create-report-rollups';
import { CreateReportHistograms1764100032000 } from './1764100032000-create-report-histograms';
import { CreateResults1764100040000 } from './1764100040000-create-results';
import { CreateResultDownloads1764100041000 } from './1764100041000-create-result-downloads';
import { CreateIdempotencyRecords1764100060000 } from './1764100060000-create-idempotency-records';
import { CreateOutboxMessages1764100061000 } from './1764100061000-create-outbox-messages';

/** Every migration, in order. Listed explicitly so bundled builds need no file globbing. */
export const MIGRATIONS = [
  CreateAgencies1764100000000,
  CreateProcedures1764100001000,
  CreateUsers1764100002000,
  CreateJobRuns1764100003000,
  CreateRefreshTokens1764100004000,
  CreateAuditEvents1764100005000,
  CreateCalendarOverrides1764100006000,
  CreateApplications1764100010000,
  CreateApplicationEvents1764100011000,
  CreateAttachments1764100012000,
  CreateReceiptSequences1764100013000,
  CreateNotifications1764100020000,
  CreateMailSinkMessages1764100021000,
  CreateApplicationRatings1764100030000,
  CreateReportRollups1764100031000,
  CreateReportHistograms1764100032000,
  CreateResults1764100040000,
  CreateResultDownloads1764100041000,
  CreateIdempotencyRecords1764100060000,
  CreateOutboxMessages1764100061000,
];
