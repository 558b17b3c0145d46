import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationRepository, RetentionRepository, TransactionRunner } from '@onegate/persistence';
import type { Application } from '@onegate/persistence';
import { Clock, FileStore } from '@onegate/platform';

import { ApplicationAccessService } from './application-access.service';

/** Any draft changed before this counts, so the retention sweep's claim takes any draft without events. */
const ANY_TIME = new Date(8.64e15);

/** Why a file cannot be deleted by its applicant, or null when it can (docs/applications.md, "Drafts"). */
export type DraftRemovalRefusal = 'not_a_draft' | 'has_events';

/**
 * A citizen deletes their own draft: its row, its documents (stored files and rows) and notifications,
 * with a `draft_removed` audit row, as the retention sweep removes an abandoned draft. A draft with an
 * event (a recorded payment) keeps it, because events are never deleted, so it cannot be deleted.
 */
@Injectable()
export class DraftRemovalService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccessService,
    private readonly retention: RetentionRepository,
    private readonly transactions: TransactionRunner,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  /** The applicant's own draft (404 for anyone else's file), with why it cannot be deleted, if so. */
  public async check(
    user: AuthenticatedUser,
    id: string,
  ): Promise<{ application: Application; refusal: DraftRemovalRefusal | null }> {
    const application = await this.access.assertVisible(user, await this.applications.findById(id));
    if (application.applicantId !== user.id)
      throw new ForbiddenException('Only the applicant can delete a draft');
    if (application.state !== 'draft') return { application, refusal: 'not_a_draft' };
    const events = await this.applications.eventsOf(id);
    return { application, refusal: events.length > 0 ? 'has_events' : null };
  }

  public async remove(user: AuthenticatedUser, id: string): Promise<void> {
    const { application, refusal } = await this.check(user, id);
    if (refusal) throw refusalError(refusal, application);
    const removed = await this.transactions.run(async (manager) => {
      const storageKeys = await this.retention.claimAbandonedDraft(manager, id, ANY_TIME);
      if (storageKeys === null) return false;
      for (const key of storageKeys) await this.files.remove(key);
      await this.retention.forgetDraft(manager, id, this.clock.now(), {
        applicationId: id,
        procedureCode: application.procedure!.code,
        state: 'draft',
        lastChangedAt: application.updatedAt.toISOString(),
        removedBy: 'applicant',
        filesRemoved: storageKeys.length,
      });
      return true;
    });
    // Sent meanwhile, or a payment recorded meanwhile: it is no longer a draft without events.
    if (!removed) throw new ConflictException('This draft changed meanwhile and can no longer be deleted');
  }
}

function refusalError(refusal: DraftRemovalRefusal, application: Application): ConflictException {
  return refusal === 'has_events'
    ? new ConflictException(
        'A payment was recorded on this draft: its record is kept, so the draft cannot be deleted',
      )
    : new ConflictException(`Only a draft can be deleted; this application is ${application.state}`);
}
