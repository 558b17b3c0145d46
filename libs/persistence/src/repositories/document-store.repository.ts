import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';

import { Application, ApplicationEvent, Attachment, DocumentReview, IssuedResult } from '../entities';

/** What the citizen's document store is made of: their own files, with their documents, reviews and results. */
export interface StoredFilesOfApplicant {
  applications: Application[];
  attachments: Attachment[];
  reviews: DocumentReview[];
  results: IssuedResult[];
  /** The files whose result was returned online (a `return` event of channel online). */
  returnedOnline: Set<string>;
}

/**
 * The reads behind the citizen's document store (docs/documents.md, "The citizen's document store"):
 * everything of the applicant's own files past the draft and not anonymised, in a handful of queries.
 */
@Injectable()
export class DocumentStoreRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async filesOf(applicantId: string): Promise<StoredFilesOfApplicant> {
    const manager = this.dataSource.manager;
    const applications = await manager.find(Application, {
      where: { applicantId, state: Not('draft'), anonymisedAt: IsNull() },
      relations: { procedure: true },
    });
    const ids = applications.map((application) => application.id);
    if (ids.length === 0)
      return { applications, attachments: [], reviews: [], results: [], returnedOnline: new Set() };
    // One citizen's files are few; a long list is still read in slices the database takes in one query.
    const attachments: Attachment[] = [];
    const reviews: DocumentReview[] = [];
    const results: IssuedResult[] = [];
    const returnedOnline = new Set<string>();
    for (let start = 0; start < ids.length; start += 500) {
      const slice = In(ids.slice(start, start + 500));
      attachments.push(...(await manager.findBy(Attachment, { applicationId: slice })));
      reviews.push(
        ...(await manager.find(DocumentReview, {
          where: { applicationId: slice },
          order: { reviewedAt: 'ASC', id: 'ASC' },
        })),
      );
      results.push(...(await manager.findBy(IssuedResult, { applicationId: slice })));
      const returns = await manager.findBy(ApplicationEvent, {
        applicationId: slice,
        type: 'return',
        channel: 'online',
      });
      for (const event of returns) returnedOnline.add(event.applicationId);
    }
    return { applications, attachments, reviews, results, returnedOnline };
  }
}
