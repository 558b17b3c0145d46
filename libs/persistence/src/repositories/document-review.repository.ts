import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { DocumentReview } from '../entities';

/** The clerks' decisions on a file's documents; only ever added to (docs/documents.md). */
@Injectable()
export class DocumentReviewRepository {
  private readonly reviews: Repository<DocumentReview>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.reviews = dataSource.getRepository(DocumentReview);
  }

  public async add(review: DocumentReview): Promise<void> {
    await this.reviews.insert(review);
  }

  /** Every decision on the file's documents, oldest first. */
  public listFor(applicationId: string): Promise<DocumentReview[]> {
    return this.reviews.find({ where: { applicationId }, order: { reviewedAt: 'ASC', id: 'ASC' } });
  }
}
