import { Injectable, Logger } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import { retentionCutoff } from '@onegate/domain';
import { JobName, OnJob } from '@onegate/jobs';
import { RetentionRepository, TransactionRunner } from '@onegate/persistence';
import type { AbandonedDraft, ClosedCursor, DueApplication, RetentionRule } from '@onegate/persistence';
import { Clock, FileStore } from '@onegate/platform';

const BATCH = 100;

export interface SweepOutcome {
  anonymised: number;
  draftsRemoved: number;
  /** Feedback about an agency whose texts were emptied. */
  feedbackCleared: number;
  failed: number;
}

/**
 * Anonymises the closed files whose procedure's retention has run out since they closed: their
 * documents, forms and signed result leave storage, then their personal data leaves the database
 * with one audit row each. What reports count (procedure, agencies, channel, states, event times,
 * ratings' scores) stays, so report figures do not move. Removes, with their documents, the drafts
 * nobody has changed for DRAFT_RETENTION_DAYS (docs/applications.md), and empties the texts of feedback
 * about an agency answered FEEDBACK_RETENTION_DAYS ago (docs/feedback.md).
 */
@Injectable()
export class RetentionSweep {
  private readonly logger = new Logger(RetentionSweep.name);

  public constructor(
    private readonly retention: RetentionRepository,
    private readonly transactions: TransactionRunner,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.ApplyRetention)
  public async sweep(): Promise<SweepOutcome> {
    const now = this.clock.now();
    const outcome: SweepOutcome = { anonymised: 0, draftsRemoved: 0, feedbackCleared: 0, failed: 0 };
    for (const rule of await this.retention.rules()) {
      await this.sweepProcedure(rule, now, outcome);
    }
    await this.sweepDrafts(now, outcome);
    // Feedback about a file goes with the file above; feedback about an agency by its own answer's date.
    const feedbackDays = this.config.feedbackRetentionDays;
    outcome.feedbackCleared = await this.retention.clearAgencyFeedback(
      retentionCutoff(now, feedbackDays),
      now,
      feedbackDays,
    );
    if (outcome.failed > 0) {
      // Failing the job makes the queue retry it and shows on the failed-jobs metric.
      throw new Error(`${outcome.failed} applications past retention could not be anonymised or removed`);
    }
    return outcome;
  }

  private async sweepProcedure(rule: RetentionRule, now: Date, outcome: SweepOutcome): Promise<void> {
    const cutoff = retentionCutoff(now, rule.retentionDays);
    for (let after: ClosedCursor | null = null; ;) {
      const batch = await this.retention.due(rule.procedureId, cutoff, BATCH, after);
      for (const application of batch) {
        try {
          if (await this.anonymise(application, rule, now)) outcome.anonymised += 1;
        } catch (error) {
          outcome.failed += 1;
          this.logger.warn({ err: error, applicationId: application.id }, 'could not anonymise application');
        }
      }
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1];
    }
  }

  /**
   * Files go first: a crash after that leaves the file due, and the next sweep finishes it; a crash
   * the other way round would leave documents in storage that nothing points to any more.
   */
  private async anonymise(application: DueApplication, rule: RetentionRule, now: Date): Promise<boolean> {
    const storageKeys = await this.retention.storedFilesOf(application.id);
    for (const key of storageKeys) await this.files.remove(key);
    const removed = await this.transactions.run((manager) =>
      this.retention.anonymise(manager, application.id, now, {
        applicationId: application.id,
        procedureCode: rule.procedureCode,
        state: application.state,
        closedAt: application.closedAt.toISOString(),
        retentionDays: rule.retentionDays,
        filesRemoved: storageKeys.length,
      }),
    );
    return removed !== null;
  }

  private async sweepDrafts(now: Date, outcome: SweepOutcome): Promise<void> {
    const retentionDays = this.config.storageLimits.draftRetentionDays;
    const cutoff = retentionCutoff(now, retentionDays);
    for (let after: AbandonedDraft | null = null; ;) {
      const batch = await this.retention.abandonedDrafts(cutoff, BATCH, after);
      for (const draft of batch) {
        try {
          if (await this.removeDraft(draft, cutoff, retentionDays, now)) outcome.draftsRemoved += 1;
        } catch (error) {
          outcome.failed += 1;
          this.logger.warn({ err: error, applicationId: draft.id }, 'could not remove abandoned draft');
        }
      }
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1];
    }
  }

  /**
   * Files go while the draft's row is claimed, before the transaction commits: a file that cannot be
   * deleted rolls the removal back and the next sweep tries again, and a change made to the draft
   * meanwhile waits for the claim, then finds the draft gone.
   */
  private async removeDraft(
    draft: AbandonedDraft,
    cutoff: Date,
    retentionDays: number,
    now: Date,
  ): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const storageKeys = await this.retention.claimAbandonedDraft(manager, draft.id, cutoff);
      if (storageKeys === null) return false;
      for (const key of storageKeys) await this.files.remove(key);
      await this.retention.forgetDraft(manager, draft.id, now, {
        applicationId: draft.id,
        procedureCode: draft.procedureCode,
        state: 'draft',
        lastChangedAt: draft.updatedAt.toISOString(),
        retentionDays,
        filesRemoved: storageKeys.length,
      });
      return true;
    });
  }
}
