import type { Application, ApplicationEvent, Feedback } from '@onegate/persistence';

import type { WebhookEventType } from './webhook-events';

/**
 * The body of a file's event: ids, codes and states only; the applicant's name, national ID number,
 * e-mail address and phone number only for a subscription with the personal-data scope
 * (docs/webhooks.md, "Payloads").
 */
export function fileEventBody(
  type: WebhookEventType,
  event: ApplicationEvent,
  application: Application,
  personalData: boolean,
): string {
  const applicant = personalData
    ? {
        applicant: {
          name: application.applicantName,
          nationalId: application.applicantNationalId,
          email: application.applicantEmail,
          phone: application.applicantPhone,
        },
      }
    : {};
  return JSON.stringify({
    type,
    timestamp: event.at.toISOString(),
    data: {
      eventId: event.id,
      action: event.type,
      sequence: event.sequence,
      channel: event.channel,
      fromState: event.fromState,
      toState: event.toState,
      applicationId: application.id,
      code: application.code,
      procedureCode: application.procedure?.code ?? null,
      agencyCode: application.competentAgency?.code ?? null,
      ...applicant,
    },
  });
}

/**
 * The body of an answered feedback item: its ids, codes, times and whether it was answered on time;
 * its subject and the answer only for a subscription with the personal-data scope (docs/webhooks.md,
 * "Payloads").
 */
export function feedbackAnsweredBody(feedback: Feedback, agencyCode: string, personalData: boolean): string {
  const answeredAt = feedback.answeredAt!;
  const texts = personalData ? { subject: feedback.subject, answer: feedback.answer } : {};
  return JSON.stringify({
    type: 'feedback.answered',
    timestamp: answeredAt.toISOString(),
    data: {
      feedbackId: feedback.id,
      code: feedback.code,
      kind: feedback.kind,
      agencyCode,
      applicationId: feedback.applicationId,
      filedAt: feedback.filedAt.toISOString(),
      dueAt: feedback.dueAt.toISOString(),
      answeredAt: answeredAt.toISOString(),
      onTime: answeredAt.getTime() <= feedback.dueAt.getTime(),
      ...texts,
    },
  });
}

/** The test ping's body. */
export function pingBody(subscriptionId: string, at: Date): string {
  return JSON.stringify({ type: 'webhook.ping', timestamp: at.toISOString(), data: { subscriptionId } });
}
