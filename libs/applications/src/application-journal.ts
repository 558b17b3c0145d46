import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { deadlineChecksFor } from '@onegate/domain';
import type { ActorRole, Decision, FollowUp, WorkingCalendar } from '@onegate/domain';
import { JobName, notificationJobId, Outbox } from '@onegate/jobs';
import type { OutboxJob } from '@onegate/jobs';
import { Agency, ApplicationRepository, HistoryRows } from '@onegate/persistence';
import type { ApplicationEvent, HistoryRowsOfFile } from '@onegate/persistence';
import { Clock } from '@onegate/platform';
import { ReportRollupsService } from '@onegate/reporting';
import type { HistoryOwner, RollupChanges, StepCalendars } from '@onegate/reporting';

import { WorkingCalendarService } from './working-calendar.service';

/** A step's check fires just after its due time, so it finds the step past it. */
const STEP_CHECK_AFTER_DUE_MS = 1_000;
const CONSULTATION_CHECK_AFTER_MS = 1_000;

/** A decided action, as the journal records it. */
export interface JournalEntry {
  /** The file before the action (a new file as it is inserted). */
  application: HistoryOwner;
  decision: Decision;
  actor: { id: string | null; role: ActorRole };
  at: Date;
  note: string | null;
  /** The competent agency's calendar: the rollups and the deadline checks count on it. */
  calendar: WorkingCalendar;
}

/**
 * Every action's one way into the record, in the caller's transaction (after the file's own change):
 * its event, the jobs that follow it through the outbox, and the report rollups. The jobs exist exactly
 * when the action does. Histories replayed by the import come in by the same door, in bulk.
 */
@Injectable()
export class ApplicationJournal {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly outbox: Outbox,
    private readonly reportRollups: ReportRollupsService,
    private readonly clock: Clock,
    private readonly historyRows: HistoryRows,
    private readonly calendars: WorkingCalendarService,
  ) {}

  /** Gives all of the file's events, the new one last. */
  public async record(manager: EntityManager, entry: JournalEntry): Promise<ApplicationEvent[]> {
    const { application, decision } = entry;
    const previous =
      decision.fromState === null ? [] : await this.applications.eventsOf(application.id, manager);
    const event = await this.applications.appendEvent(
      manager,
      {
        id: randomUUID(),
        applicationId: application.id,
        type: decision.action,
        at: entry.at,
        actorId: entry.actor.id,
        actorRole: entry.actor.role,
        channel: decision.channel,
        fromState: decision.fromState,
        toState: decision.changes.state,
        note: entry.note,
        data: decision.data,
      },
      previous,
    );
    await this.outbox.add(manager, [
      ...this.jobsOf(application.id, decision, event.id, entry.calendar),
      // Every event goes to the webhook subscriptions that asked for it (docs/webhooks.md).
      { name: JobName.WebhookEvent, payload: { eventId: event.id }, jobId: `webhook|${event.id}` },
      // Every change of status goes to the national portal (docs/integrations.md).
      ...(event.fromState !== event.toState
        ? [
            {
              name: JobName.NationalSyncEvent,
              payload: { eventId: event.id },
              jobId: `national-sync|${event.id}`,
            },
          ]
        : []),
    ]);
    const events = [...previous, event];
    await this.reportRollups.recordLatestEvent(
      manager,
      application,
      events,
      entry.calendar,
      this.stepCalendars(manager),
    );
    return events;
  }

  /**
   * Whole histories replayed through `decide` (the historical import, docs/metrics.md): the files, their
   * events and ratings in bulk, then their report rollups. A past event sends nothing, so no job follows.
   * `share` is awaited between slices, so that other requests run meanwhile.
   */
  public async recordHistories(
    manager: EntityManager,
    files: readonly HistoryRowsOfFile[],
    rollups: RollupChanges,
    share: () => Promise<void>,
  ): Promise<void> {
    await this.historyRows.insert(manager, files, share);
    await this.reportRollups.apply(manager, rollups, share);
  }

  /** The calendars of the agencies holding a file's steps, read in the action's transaction. */
  private stepCalendars(manager: EntityManager): StepCalendars {
    return async (agencyIds) => {
      const calendars = new Map<string, WorkingCalendar>();
      for (const id of agencyIds) {
        const agency = await manager.getRepository(Agency).findOneBy({ id });
        if (agency) calendars.set(id, await this.calendars.calendarFor(agency));
      }
      return calendars;
    };
  }

  /** The outbox jobs of the action's follow-ups, keyed so each is enqueued once. */
  private jobsOf(
    applicationId: string,
    decision: Decision,
    eventId: string,
    calendar: WorkingCalendar,
  ): OutboxJob[] {
    const jobId = `${applicationId}:${decision.action}:${decision.version}`;
    const payload = { applicationId };
    return decision.followUps.flatMap((followUp: FollowUp): OutboxJob[] => {
      switch (followUp.kind) {
        case 'intake':
          return [{ name: JobName.Intake, payload, jobId }];
        case 'issue_result':
          return [{ name: JobName.IssueResult, payload, jobId }];
        case 'form':
          return [{ name: JobName.RenderForm, payload: { ...payload, form: followUp.form }, jobId }];
        case 'notice': {
          // The e-mail carries the form as a PDF: the same stored file the form job attaches to the file.
          const form = followUp.form ? { form: { kind: followUp.form, eventId } } : {};
          const notice = { ...followUp.notice, ...form };
          return [{ name: JobName.SendNotification, payload: notice, jobId: notificationJobId(notice.key) }];
        }
        case 'deadline_checks': {
          const now = this.clock.now().getTime();
          // Delays count from OneGate's clock, which tests may have frozen; the relay counts from the real one.
          return deadlineChecksFor(applicationId, followUp.dueAt, calendar).map((check) => ({
            name: JobName.CheckDeadline,
            payload,
            jobId: check.jobId,
            runAt: new Date(Date.now() + Math.max(0, check.runAt.getTime() - now)),
          }));
        }
        case 'step_deadline_check': {
          const now = this.clock.now().getTime();
          const due = followUp.stepDueAt.getTime();
          return [
            {
              name: JobName.CheckStepDeadline,
              payload: { applicationId, step: followUp.step, stepDueAt: followUp.stepDueAt.toISOString() },
              jobId: `${applicationId}|step|${followUp.step}|${due}`,
              runAt: new Date(Date.now() + Math.max(0, due + STEP_CHECK_AFTER_DUE_MS - now)),
            },
          ];
        }
        case 'consultation_check': {
          // Just after the answers are due, so the check finds them late (docs/notifications.md).
          const due = followUp.answerDueAt.getTime();
          const delay = Math.max(0, due + CONSULTATION_CHECK_AFTER_MS - this.clock.now().getTime());
          return [
            {
              name: JobName.CheckConsultations,
              payload,
              jobId: `${applicationId}|consultations|${due}`,
              runAt: new Date(Date.now() + delay),
            },
          ];
        }
      }
    });
  }
}
