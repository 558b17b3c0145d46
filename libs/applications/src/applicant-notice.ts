import type { Action, Channel, NotificationKind } from '@onegate/domain';
import type { NotificationFacts, NotificationPayload, NotificationRecipient } from '@onegate/jobs';
import type { Application, ApplicationEvent } from '@onegate/persistence';

/** Which actions the applicant hears about (the return only when it is online). */
export function applicantNoticeKind(action: Action, channel: Channel): NotificationKind | null {
  switch (action) {
    case 'receive':
    case 'register_counter':
      return 'file_received';
    case 'request_supplement':
      return 'supplement_requested';
    case 'refuse':
      return 'file_refused';
    case 'approve':
    case 'deny':
      return 'decision_made';
    case 'return':
      return channel === 'online' ? 'result_ready' : null;
    case 'extend':
      return 'apology';
    default:
      return null;
  }
}

/**
 * The notification an action sends its applicant: to their account (in-app and e-mail), or for a
 * counter file of someone without one, by e-mail only, in Vietnamese. Keyed by application, kind and
 * version, so the same action never notifies twice. `event` is the action's own event, for its fields.
 */
export function applicantNotice(
  action: Action,
  channel: Channel,
  application: Application,
  event: ApplicationEvent | null,
): NotificationPayload | null {
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

function recipientOf(application: Application): NotificationRecipient | null {
  if (application.applicantId) return { userId: application.applicantId };
  if (application.applicantEmail) return { email: application.applicantEmail, language: 'vi' };
  return null;
}

const iso = (instant: Date | null) => instant?.toISOString() ?? null;

function factsOf(
  kind: NotificationKind,
  application: Application,
  event: ApplicationEvent | null,
): NotificationFacts {
  const data = event?.data ?? {};
  const reason = typeof data.reason === 'string' ? data.reason : null;
  switch (kind) {
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
