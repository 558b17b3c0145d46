import { Injectable } from '@nestjs/common';

import { JobDispatcher, JobName, notificationJobId, OnJob } from '@onegate/jobs';
import type { ApplicationPayload, NotificationPayload } from '@onegate/jobs';
import {
  AgencyRepository,
  ConsultationRepository,
  NotificationRepository,
  UserRepository,
} from '@onegate/persistence';
import { Clock } from '@onegate/platform';

/**
 * Raises `consultation_overdue` when a file's consultations are still unanswered at their due time
 * (docs/notifications.md): to the clerk who asked and to the consulted agency's active clerks, once
 * per consultation and recipient (the key `<consultationId>:consultation_overdue:<userId>`). An
 * answered consultation raises nothing.
 */
@Injectable()
export class ConsultationAlerts {
  public constructor(
    private readonly consultations: ConsultationRepository,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobDispatcher,
    private readonly clock: Clock,
  ) {}

  /** Answers how many alerts it raised. */
  @OnJob(JobName.CheckConsultations)
  public async check({ applicationId }: ApplicationPayload): Promise<number> {
    const overdue = await this.consultations.overdueOf(applicationId, this.clock.now());
    const alerts: NotificationPayload[] = [];
    for (const consultation of overdue) {
      const agency = await this.agencies.findById(consultation.agencyId);
      const clerks = await this.users.activeClerksOf(consultation.agencyId);
      const recipients = new Set([consultation.askedBy, ...clerks.map((clerk) => clerk.id)]);
      for (const userId of recipients) {
        alerts.push({
          key: `${consultation.id}:consultation_overdue:${userId}`,
          kind: 'consultation_overdue',
          applicationId,
          recipient: { userId },
          facts: {
            answerDueAt: consultation.answerDueAt.toISOString(),
            question: consultation.question,
            agencyNameVi: agency?.nameVi ?? '',
            agencyNameEn: agency?.nameEn ?? '',
          },
        });
      }
    }
    const known = await this.notifications.existingKeys(alerts.map((alert) => alert.key));
    const fresh = alerts.filter((alert) => !known.has(alert.key));
    await this.jobs.dispatchAll(
      JobName.SendNotification,
      fresh.map((alert) => ({ payload: alert, options: { jobId: notificationJobId(alert.key) } })),
    );
    return fresh.length;
  }
}
