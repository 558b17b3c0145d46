import type { Language } from '../roles';
import type { NotificationKind } from '../notifications';
import { ACTION_TABLE } from './action-table';
import type { Action, Channel } from './lifecycle';

/** An account (in-app and e-mail), or an applicant known only by an e-mail address (a counter file). */
export type NoticeRecipient = { userId: string } | { email: string; language: Language };

/** What the notice says that the database may no longer say when it is sent. */
export type NoticeFacts = { [fact: string]: string | number | boolean | null | string[] };

export interface ApplicantNotice {
  /** `<applicationId>:<kind>:v<version>`: the same action never notifies twice. */
  key: string;
  kind: NotificationKind;
  applicationId: string;
  recipient: NoticeRecipient;
  facts: NoticeFacts;
}

/** The file as an action leaves it, as far as its applicant's notice reads it. */
export interface NoticeSubject {
  id: string;
  version: number;
  applicantId: string | null;
  applicantEmail: string | null;
  submittedAt?: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  outcome: string | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  appointmentAt: Date | null;
}

/** Which actions the applicant hears about, by the action table's `notice` column. */
export function applicantNoticeKind(action: Action, channel: Channel): NotificationKind | null {
  const notice = ACTION_TABLE[action].notice;
  if (!notice || (notice.onlyOnline && channel !== 'online')) return null;
  return notice.kind;
}

/**
 * The notification an action sends its applicant (docs/notifications.md): to their account (in-app and
 * e-mail), or for a counter file of someone without one, by e-mail only, in Vietnamese. Keyed by
 * application, kind and version, so the same action never notifies twice. `event` is the action's own
 * event, for the fields the notice quotes.
 */
export function applicantNotice(
  action: Action,
  channel: Channel,
  application: NoticeSubject,
  event: { data: Readonly<Record<string, unknown>> } | null,
): ApplicantNotice | null {
  const kind = applicantNoticeKind(action, channel);
  const recipient = recipientOf(application);
  if (!kind || !recipient) return null;
  return {
    key: `${application.id}:${kind}:v${application.version}`,
    kind,
    applicationId: application.id,
    recipient,
    facts: factsOf(kind, application, event),
  };
}

function recipientOf(application: NoticeSubject): NoticeRecipient | null {
  if (application.applicantId) return { userId: application.applicantId };
  if (application.applicantEmail) return { email: application.applicantEmail, language: 'vi' };
  return null;
}

const iso = (instant: Date | null) => instant?.toISOString() ?? null;

function factsOf(
  kind: NotificationKind,
  application: NoticeSubject,
  event: { data: Readonly<Record<string, unknown>> } | null,
): NoticeFacts {
  const data = event?.data ?? {};
  const reason = typeof data.reason === 'string' ? data.reason : null;
  switch (kind) {
    case 'file_submitted':
      return { submittedAt: iso(application.submittedAt ?? null) };
    case 'file_received':
      return { receivedAt: iso(application.receivedAt), dueAt: iso(application.dueAt) };
    case 'supplement_requested': {
      const missing = Array.isArray(data.missingDocuments) ? data.missingDocuments.map(String) : [];
      return { reason, missingDocuments: missing };
    }
    case 'file_refused':
      return { reason };
    case 'decision_made':
      return { outcome: application.outcome, reason, decidedAt: iso(application.decidedAt) };
    case 'result_ready':
      return { returnedAt: iso(application.closedAt) };
    case 'apology':
      return { reason, appointmentAt: iso(application.appointmentAt) };
    default:
      return {};
  }
}
