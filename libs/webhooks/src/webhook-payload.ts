import type { Application, ApplicationEvent } from '@onegate/persistence';

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

/** The test ping's body. */
export function pingBody(subscriptionId: string, at: Date): string {
  return JSON.stringify({ type: 'webhook.ping', timestamp: at.toISOString(), data: { subscriptionId } });
}
