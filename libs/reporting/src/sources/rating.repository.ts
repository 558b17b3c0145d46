import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ApplicationRating } from '@onegate/persistence';

/** Citizens' ratings of returned applications; the primary key keeps one per application. */
@Injectable()
export class RatingRepository {
  /** Throws a unique violation when the application is already rated. */
  public async insert(manager: EntityManager, rating: ApplicationRating): Promise<void> {
    await manager.getRepository(ApplicationRating).insert(rating);
  }
}
