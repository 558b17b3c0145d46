import { Injectable } from '@nestjs/common';

import type { Action, Channel } from '@onegate/domain';
import { JobName, notificationJobId } from '@onegate/jobs';
import type { FormKind, OutboxJob } from '@onegate/jobs';
import type { Application, ApplicationEvent } from '@onegate/persistence';

import { applicantNotice } from './applicant-notice';
import { Clock } from './clock';
import { deadlineChecksAfter, startsTheClock } from './deadline-checks';
import { WorkingCalendarService } from './working-calendar.service';

/** The one-stop-shop form each action calls for, rendered as a PDF and attached to the file. */
const FORM_AFTER: Partial<Record<Action, FormKind>> = {
  receive: 'receipt',
  register_counter: 'receipt',
  request_supplement: 'supplement-request',
  refuse: 'refusal',
  extend: 'apology',
};

/** Actions whose event carries fields the applicant's notification quotes (reason, missing documents). */
const QUOTED_ACTIONS: readonly Action[] = ['request_supplement', 'refuse', 'deny', 'extend'];

/**
 * The work that follows an action outside the request: intake after submission, issuance after a
 * decision, the one-stop-shop form, the applicant's notification, and the delayed deadline checks when
 * the clock starts or restarts. They are written to the outbox in the action's own transaction, so they
 * exist exactly when the action does.
 */
@Injectable()
export class ApplicationSideEffects {
  public constructor(
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  /** The jobs an action calls for, given the application as the action leaves it and its event. */
  public async jobsFor(
    action: Action,
    application: Application,
    channel: Channel,
    event: Pick<ApplicationEvent, 'id' | 'type' | 'data'>,
  ): Promise<OutboxJob[]> {
    const jobId = `${application.id}:${action}:${application.version}`;
    const payload = { applicationId: application.id };
    const jobs: OutboxJob[] = [];
    if (action === 'submit') jobs.push({ name: JobName.Intake, payload, jobId });
    if ((action === 'approve' || action === 'deny') && channel === 'online') {
      jobs.push({ name: JobName.IssueResult, payload, jobId });
    }
    const form = FORM_AFTER[action];
    if (form) jobs.push({ name: JobName.RenderForm, payload: { ...payload, form }, jobId });
    const quoted = QUOTED_ACTIONS.includes(action) ? (event as ApplicationEvent) : null;
    const notice = applicantNotice(action, channel, application, quoted);
    // The e-mail carries the form as a PDF: the same stored file the form job attaches to the file.
    if (notice && form) notice.form = { kind: form, eventId: event.id };
    if (notice)
      jobs.push({ name: JobName.SendNotification, payload: notice, jobId: notificationJobId(notice.key) });
    if (startsTheClock(action)) jobs.push(...(await this.deadlineChecks(action, application)));
    return jobs;
  }

  private async deadlineChecks(action: Action, application: Application): Promise<OutboxJob[]> {
    const calendar = await this.calendars.calendarFor(application.competentAgency!);
    const now = this.clock.now().getTime();
    // Delays count from OneGate's clock, which tests may have frozen; the relay counts from the real one.
    return deadlineChecksAfter(action, application, calendar).map((check) => ({
      name: JobName.CheckDeadline,
      payload: { applicationId: application.id },
      jobId: check.jobId,
      runAt: new Date(Date.now() + Math.max(0, check.runAt.getTime() - now)),
    }));
  }
}
