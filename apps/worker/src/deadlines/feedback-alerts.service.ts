import { Injectable } from '@nestjs/common';

import { JobDispatcher, JobName, notificationJobId, OnJob } from '@onegate/jobs';
import type { FeedbackCheckPayload, NotificationPayload } from '@onegate/jobs';
import {
  AgencyRepository,
  ApplicationWatchRepository,
  FeedbackRepository,
  NotificationRepository,
  UserRepository,
} from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { AlertAudience } from './alert-audience';

/**
 * Raises `feedback_overdue` when feedback is still unanswered at its due time (docs/feedback.md): to
 * the agency's active clerks and every supervisor at or above it, once per item and recipient (the key
 * `<feedbackId>:feedback_overdue:<userId>`). A check for feedback answered, or due at another time, or
 * not yet due, does nothing.
 */
@Injectable()
export class FeedbackAlerts {
  public constructor(
    private readonly feedback: FeedbackRepository,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly watch: ApplicationWatchRepository,
    private readonly notifications: NotificationRepository,
    private readonly jobs: JobDispatcher,
    private readonly clock: Clock,
  ) {}

  /** Answers how many alerts it raised. */
  @OnJob(JobName.CheckFeedback)
  public async check({ feedbackId, dueAt }: FeedbackCheckPayload): Promise<number> {
    const item = await this.feedback.findById(feedbackId);
    if (!item || item.answeredAt || item.dueAt.toISOString() !== dueAt) return 0;
    if (this.clock.now().getTime() <= item.dueAt.getTime()) return 0;
    const agency = await this.agencies.findById(item.agencyId);
    const clerks = await this.users.activeClerksOf(item.agencyId);
    const audience = new AlertAudience(
      await this.watch.agencyParents(),
      await this.watch.activeSupervisors(),
    );
    const alerts: NotificationPayload[] = audience
      .recipientsOfAgency(
        item.agencyId,
        clerks.map((clerk) => clerk.id),
      )
      .map((userId) => ({
        key: `${item.id}:feedback_overdue:${userId}`,
        kind: 'feedback_overdue',
        applicationId: null,
        recipient: { userId },
        facts: {
          feedbackId: item.id,
          code: item.code,
          kind: item.kind,
          dueAt,
          agencyNameVi: agency?.nameVi ?? '',
          agencyNameEn: agency?.nameEn ?? '',
        },
      }));
    const known = await this.notifications.existingKeys(alerts.map((alert) => alert.key));
    const fresh = alerts.filter((alert) => !known.has(alert.key));
    await this.jobs.dispatchAll(
      JobName.SendNotification,
      fresh.map((alert) => ({ payload: alert, options: { jobId: notificationJobId(alert.key) } })),
    );
    return fresh.length;
  }
}
