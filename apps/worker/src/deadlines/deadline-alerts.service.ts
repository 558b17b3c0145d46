import { Injectable } from '@nestjs/common';

import { WorkingCalendarService } from '@onegate/applications';
import { CLOCK_RUNNING_STATES, deadlineAlertAt } from '@onegate/domain';
import { JobDispatcher, JobName, notificationJobId, OnJob } from '@onegate/jobs';
import type { ApplicationPayload, NotificationPayload, StepCheckPayload } from '@onegate/jobs';
import {
  ApplicationRepository,
  ApplicationWatchRepository,
  NotificationRepository,
  ProcedureStepRepository,
  UserRepository,
} from '@onegate/persistence';
import type { Application } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { AlertAudience } from './alert-audience';

/** Longer than any run of days off: a file due further away cannot have a working day or less left. */
const HORIZON_MS = 31 * 24 * 3_600_000;
const BATCH = 500;

/**
 * Raises `due_soon` and `overdue` alerts for files whose clock runs (a file waiting for a supplement is
 * paused, so it is never due soon nor overdue), each once per application, threshold and recipient:
 * the notification key `<applicationId>:<threshold>:<userId>` is unique. An imported file alerts only
 * for the thresholds it crosses after its import.
 */
@Injectable()
export class DeadlineAlerts {
  public constructor(
    private readonly watch: ApplicationWatchRepository,
    private readonly applications: ApplicationRepository,
    private readonly notifications: NotificationRepository,
    private readonly calendars: WorkingCalendarService,
    private readonly jobs: JobDispatcher,
    private readonly clock: Clock,
    private readonly steps: ProcedureStepRepository,
    private readonly users: UserRepository,
  ) {}

  /** Every running file due within the horizon; answers how many alerts it raised. */
  @OnJob(JobName.ScanDeadlines)
  public async scan(): Promise<number> {
    const now = this.clock.now();
    const audience = await this.audience();
    let raised = 0;
    for (let after: { dueAt: Date; id: string } | null = null; ;) {
      const batch = await this.watch.alertableDueBy(new Date(now.getTime() + HORIZON_MS), BATCH, after);
      raised += await this.raise(batch, now, audience);
      if (batch.length < BATCH) return raised;
      const last = batch[batch.length - 1];
      after = { dueAt: last.dueAt!, id: last.id };
    }
  }

  /** One file, at the moment a delayed check falls due. */
  @OnJob(JobName.CheckDeadline)
  public async check({ applicationId }: ApplicationPayload): Promise<number> {
    const application = await this.applications.findById(applicationId);
    if (!application?.dueAt || !CLOCK_RUNNING_STATES.includes(application.state)) return 0;
    return this.raise([application], this.clock.now(), await this.audience());
  }

  /**
   * A processing step, at the moment its due time has passed (docs/notifications.md, "Step alerts"): the
   * file still at that step, with that due time (a step left, paused or resumed since has its own check),
   * alerts the step's holder, or its unit, and their supervisors, once per step stretch and recipient.
   */
  @OnJob(JobName.CheckStepDeadline)
  public async checkStep({ applicationId, step, stepDueAt }: StepCheckPayload): Promise<number> {
    const application = await this.applications.findById(applicationId);
    const running = application && [...CLOCK_RUNNING_STATES, 'decided'].includes(application.state);
    if (!running || application.stepPosition !== step || application.stepDueAt?.toISOString() !== stepDueAt)
      return 0;
    if (this.clock.now().getTime() <= application.stepDueAt.getTime()) return 0;
    const entered = (await this.steps.stepsOf(application.procedureId)).find((row) => row.position === step);
    const role = application.stepRole === 'supervisor' ? 'supervisor' : 'clerk';
    const unit = await this.users.activeStaffOf(application.stepAgencyId!, role);
    const recipients = (await this.audience()).recipientsOfStep(
      application,
      unit.map((user) => user.id),
    );
    const alerts: NotificationPayload[] = recipients.map((userId) => ({
      key: `${application.id}:step_overdue:${step}:${application.stepDueAt!.getTime()}:${userId}`,
      kind: 'step_overdue',
      applicationId: application.id,
      recipient: { userId },
      facts: {
        step,
        stepDueAt,
        stepNameVi: entered?.nameVi ?? '',
        stepNameEn: entered?.nameEn ?? '',
      },
    }));
    return this.dispatchFresh(alerts);
  }

  private async audience(): Promise<AlertAudience> {
    return new AlertAudience(await this.watch.agencyParents(), await this.watch.activeSupervisors());
  }

  private async raise(applications: Application[], now: Date, audience: AlertAudience): Promise<number> {
    const alerts: NotificationPayload[] = [];
    for (const application of applications) {
      const calendar = await this.calendars.calendarFor(application.competentAgency!);
      const threshold = deadlineAlertAt(calendar, application.dueAt!, now, application.importedAt);
      if (!threshold) continue;
      for (const userId of audience.recipientsOf(application)) {
        alerts.push({
          key: `${application.id}:${threshold}:${userId}`,
          kind: threshold,
          applicationId: application.id,
          recipient: { userId },
          facts: { dueAt: application.dueAt!.toISOString() },
        });
      }
    }
    return this.dispatchFresh(alerts);
  }

  /** Alerts not raised before, each dispatched once (its notification key is its job id). */
  private async dispatchFresh(alerts: NotificationPayload[]): Promise<number> {
    const known = await this.notifications.existingKeys(alerts.map((alert) => alert.key));
    const fresh = alerts.filter((alert) => !known.has(alert.key));
    await this.jobs.dispatchAll(
      JobName.SendNotification,
      fresh.map((alert) => ({ payload: alert, options: { jobId: notificationJobId(alert.key) } })),
    );
    return fresh.length;
  }
}
