import { Inject, Injectable, Logger } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import { JobName, OnJob, Outbox } from '@onegate/jobs';
import type { NationalSyncEventPayload, NationalSyncFilePayload, OutboxJob } from '@onegate/jobs';
import { ApplicationRepository, NationalSyncRepository, TransactionRunner } from '@onegate/persistence';
import type { Application, ApplicationEvent, NationalSyncEntry } from '@onegate/persistence';
import { Clock, retryDelayMs } from '@onegate/platform';

import { NATIONAL_PORTAL } from './national-portal';
import type { NationalPortal, PortalAnswer } from './national-portal';
import { dossierOf, portalHoldsDossier, portalHoldsProgress, progressOf } from './portal-fields';
import { portalStatusOf } from './status-mapping';

/** Beyond the requests' own time limits, how long a try holds its entry (writing its outcome). */
const HOLD_MARGIN_MS = 5_000;
/** A try makes at most three requests: the sign-in, the dossier and the progress. */
const REQUESTS_PER_TRY = 3;

/** What a try that finds everything at the portal already records: accepted. */
const ALREADY_HELD: PortalAnswer = { accepted: true, status: null, error: null };

/** The job that sends a file's next entry: a new id for each reason, so BullMQ never takes one for a finished one. */
export const sendJob = (
  applicationId: string,
  tag: string,
  runAt?: Date,
): OutboxJob<JobName.NationalSyncFile> => ({
  name: JobName.NationalSyncFile,
  payload: { applicationId },
  jobId: `national-sync|${applicationId}|${tag}`,
  runAt,
});

/**
 * Whether an event is a change of status that the portal is told of (docs/integrations.md, "What is
 * synchronised"): the state changed to one the mapping sends, and the file had been received by then.
 */
export function isSynchronised(event: ApplicationEvent, events: readonly ApplicationEvent[]): boolean {
  return (
    event.fromState !== event.toState &&
    portalStatusOf(event.toState) !== null &&
    events.some((earlier) => earlier.sequence <= event.sequence && earlier.toState === 'received')
  );
}

/**
 * The worker's side of the synchronisation with the national portal (docs/integrations.md): each
 * change of a file's status becomes one entry, and a file's entries are sent one after another, each
 * only once the ones before it were accepted, retried with growing waits until the portal accepts it.
 */
@Injectable()
export class NationalSync {
  private readonly logger = new Logger(NationalSync.name);

  public constructor(
    private readonly entries: NationalSyncRepository,
    private readonly applications: ApplicationRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(NATIONAL_PORTAL) private readonly portal: NationalPortal,
  ) {}

  /**
   * The entry of a file's status change, with those of its earlier changes should their own jobs not
   * have run yet (entries are keyed by event: a second run adds nothing), then the file's next send.
   */
  @OnJob(JobName.NationalSyncEvent)
  public async record(payload: NationalSyncEventPayload): Promise<void> {
    const event = await this.applications.findEvent(payload.eventId);
    if (!event) return;
    const events = await this.applications.eventsOf(event.applicationId);
    if (!isSynchronised(event, events)) return;
    const now = this.clock.now();
    const entries = events
      .filter((candidate) => candidate.sequence <= event.sequence && isSynchronised(candidate, events))
      .map((candidate) => newEntry(candidate, now));
    await this.transactions.run(async (manager) => {
      await this.entries.addEntries(manager, entries);
      await this.outbox.add(manager, [sendJob(event.applicationId, `event|${event.id}`)]);
    });
  }

  /** One try of a file's first entry not yet accepted; a job that finds it held or not yet due looks again then. */
  @OnJob(JobName.NationalSyncFile)
  public async send(payload: NationalSyncFilePayload): Promise<void> {
    const entries = await this.entries.entriesOf(payload.applicationId);
    const index = entries.findIndex((entry) => entry.state === 'pending');
    if (index < 0) return;
    const entry = entries[index]!;
    const now = this.clock.now();
    if (entry.nextAttemptAt && entry.nextAttemptAt.getTime() > now.getTime()) {
      await this.lookAgainAt(entry, entry.nextAttemptAt, now);
      return;
    }
    // In production without a portal configured nothing is sent: the entries wait in the reconciliation.
    if (!this.config.nationalPortal.url) return;
    const file = await this.entries.fileOf(entry.applicationId);
    const event = await this.applications.findEvent(entry.eventId);
    const status = portalStatusOf(entry.toState);
    if (!file || !event || !status) return;
    if (!(await this.claim(entry, now))) return;
    const attempt = entry.attempts + 1;
    const dossier = dossierOf(file, entry, status);
    const progress = progressOf(file, event, status);
    let dossierAt = entry.dossierAcceptedAt;
    let answer: PortalAnswer = ALREADY_HELD;
    // A try before this one may have reached the portal without its answer being recorded (a worker
    // stopped mid-try): the portal is asked first, and what it already holds is not sent again.
    const held = entry.attempts > 0 ? await this.portal.lookUp(file.code ?? '').catch(() => null) : null;
    if (!dossierAt && held && portalHoldsDossier(held, dossier)) dossierAt = now;
    if (!dossierAt) {
      answer = await this.portal.syncDossier(dossier, index > 0);
      if (answer.accepted) dossierAt = this.clock.now();
    }
    if (dossierAt && !(held && portalHoldsProgress(held, progress)))
      answer = await this.portal.updateProgress(progress);
    await this.recordOutcome(file, entry, attempt, now, dossierAt, answer);
  }

  /** Lists, once a day, the files whose latest status has not reached the portal; sends again those left without a try due. */
  @OnJob(JobName.ReconcileNationalSync)
  public async reconcile(): Promise<void> {
    const files = await this.entries.pendingFiles();
    const now = this.clock.now();
    this.logger.log(
      { files: files.length, changes: files.reduce((sum, file) => sum + file.pending, 0) },
      'national portal: files whose latest status it has not accepted yet',
    );
    const stalled = files.filter(({ entry }) => !entry.nextAttemptAt || entry.nextAttemptAt <= now);
    if (stalled.length === 0) return;
    await this.transactions.run((manager) =>
      this.outbox.add(
        manager,
        stalled.map(({ entry }) => sendJob(entry.applicationId, `reconcile|${now.getTime()}`)),
      ),
    );
  }

  /**
   * One job alone makes each try: the try is counted and the entry held for as long as a try can take,
   * so a second job reading it meanwhile waits; a job whose worker dies holding it is followed by its
   * own retry once the hold ends (docs/integrations.md, "Order and retries").
   */
  private claim(entry: NationalSyncEntry, now: Date): Promise<boolean> {
    const holdMs = REQUESTS_PER_TRY * this.config.nationalPortal.timeoutMs + HOLD_MARGIN_MS;
    return this.transactions.run((manager) =>
      this.entries.claimTry(manager, entry.eventId, entry.attempts, new Date(now.getTime() + holdMs)),
    );
  }

  private async lookAgainAt(entry: NationalSyncEntry, due: Date, now: Date): Promise<void> {
    const runAt = new Date(Date.now() + (due.getTime() - now.getTime()));
    await this.transactions.run((manager) =>
      this.outbox.add(manager, [sendJob(entry.applicationId, `at|${entry.eventId}|${due.getTime()}`, runAt)]),
    );
  }

  private async recordOutcome(
    file: Application,
    entry: NationalSyncEntry,
    attempt: number,
    at: Date,
    dossierAt: Date | null,
    answer: PortalAnswer,
  ): Promise<void> {
    const accepted = dossierAt !== null && answer.accepted;
    const delay = retryDelayMs(attempt, this.config.nationalPortal, {
      status: answer.status,
      retryAfterMs: null,
    });
    await this.transactions.run(async (manager) => {
      await this.entries.updateEntry(manager, entry.eventId, {
        dossierAcceptedAt: dossierAt,
        lastError: accepted ? null : answer.error,
        ...(accepted
          ? { state: 'accepted', acceptedAt: this.clock.now(), nextAttemptAt: null }
          : { nextAttemptAt: new Date(at.getTime() + delay) }),
      });
      await this.outbox.add(manager, [
        accepted
          ? sendJob(file.id, `after|${entry.eventId}`)
          : sendJob(file.id, `try|${entry.eventId}|${attempt + 1}`, new Date(Date.now() + delay)),
      ]);
    });
    if (!accepted)
      this.logger.warn(
        { applicationId: file.id, attempt, error: answer.error },
        'national portal did not accept a status change; it will be retried',
      );
  }
}

/** A status change not yet sent. */
function newEntry(event: ApplicationEvent, now: Date): NationalSyncEntry {
  return {
    eventId: event.id,
    applicationId: event.applicationId,
    sequence: event.sequence,
    toState: event.toState,
    eventAt: event.at,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    dossierAcceptedAt: null,
    lastError: null,
    createdAt: now,
    acceptedAt: null,
  };
}
