import { randomUUID } from 'node:crypto';

import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { supplementItemsOf } from '@onegate/domain';
import type { ApplicationState } from '@onegate/domain';
import { ApplicationRepository, DocumentReviewRepository, REVIEW_DECISIONS } from '@onegate/persistence';
import type { Application, DocumentReview, ReviewDecision } from '@onegate/persistence';
import { Clock, invalidFields } from '@onegate/platform';

import { ApplicationAccessService } from './application-access.service';

export interface ReviewRequest {
  documentName?: unknown;
  decision?: unknown;
  note?: unknown;
}

const NOTE_LIMIT = 2000;
/** A document is reviewed while the file is worked on (docs/documents.md, "The file's checklist"). */
const REVIEWED_IN: readonly ApplicationState[] = ['received', 'in_progress', 'supplement_requested'];

/** A clerk accepts or rejects one document of a file, with a note; the last decision counts. */
@Injectable()
export class DocumentReviewService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly reviews: DocumentReviewRepository,
    private readonly access: ApplicationAccessService,
    private readonly clock: Clock,
  ) {}

  public async review(
    user: AuthenticatedUser,
    applicationId: string,
    request: ReviewRequest,
  ): Promise<DocumentReview> {
    const application = await this.access.assertVisible(
      user,
      await this.applications.findById(applicationId),
    );
    if (user.role !== 'clerk') throw new ForbiddenException('Only a clerk reviews documents');
    if (!REVIEWED_IN.includes(application.state))
      throw new ConflictException(`Documents are not reviewed while the application is ${application.state}`);
    const names = await this.documentNames(application);
    const documentName = typeof request.documentName === 'string' ? request.documentName : '';
    const decision = request.decision;
    const note = typeof request.note === 'string' ? request.note.trim() : '';
    const problems = [
      ...(names.includes(documentName)
        ? []
        : [{ field: 'documentName', problems: ['is not a document of this file'] }]),
      ...(REVIEW_DECISIONS.includes(decision as ReviewDecision)
        ? []
        : [{ field: 'decision', problems: [`must be one of ${REVIEW_DECISIONS.join(', ')}`] }]),
      ...(note.length > NOTE_LIMIT
        ? [{ field: 'note', problems: [`is longer than ${NOTE_LIMIT} characters`] }]
        : []),
    ];
    if (problems.length > 0) throw invalidFields(problems);
    const review: DocumentReview = {
      id: randomUUID(),
      applicationId,
      documentName,
      decision: decision as ReviewDecision,
      note: note || null,
      reviewedBy: user.id,
      reviewedAt: this.clock.now(),
    };
    await this.reviews.add(review);
    return review;
  }

  /** The file's decisions, oldest first, for whoever may see the file. */
  public async reviewsOf(user: AuthenticatedUser, applicationId: string): Promise<DocumentReview[]> {
    await this.access.assertVisible(user, await this.applications.findById(applicationId));
    return this.reviews.listFor(applicationId);
  }

  /** The procedure's documents and every item a supplement request of the file named. */
  private async documentNames(application: Application): Promise<string[]> {
    const required = (application.procedure?.requiredDocuments ?? []).map((document) => document.name);
    const requests = (await this.applications.eventsOf(application.id)).filter(
      (event) => event.type === 'request_supplement',
    );
    const items = requests.flatMap((event) =>
      supplementItemsOf(event.data, required).map((item) => item.name),
    );
    return [...new Set([...required, ...items])];
  }
}
