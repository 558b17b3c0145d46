import type { SelectQueryBuilder } from 'typeorm';

import type { Application } from '../entities';
import { escapeLike, toSearchText } from '../search-text';
import type { QueueFilter } from './application.repository';

/** The queue's search and holder filters (docs/applications.md, "Finding a file in the queue"). */
export function searchQueue(query: SelectQueryBuilder<Application>, filter: QueueFilter): void {
  if (filter.unassigned) query.andWhere('application.assignee_id IS NULL');
  if (filter.excludedStates?.length)
    query.andWhere('application.state NOT IN (:...excludedStates)', {
      excludedStates: filter.excludedStates,
    });
  if (filter.codePrefix !== undefined)
    query.andWhere(`application.code LIKE :codePrefix ESCAPE '\\'`, {
      codePrefix: `${escapeLike(filter.codePrefix)}%`,
    });
  const words = toSearchText(filter.applicantName ?? '')
    .split(' ')
    .filter((word) => word.length > 0);
  words.forEach((word, index) =>
    query.andWhere(`application.applicant_search_name LIKE :nameWord${index} ESCAPE '\\'`, {
      [`nameWord${index}`]: `%${escapeLike(word)}%`,
    }),
  );
  // The national ID is sealed on the file; only the account's keyed hash can be compared in SQL.
  if (filter.nationalIdHash !== undefined)
    query.andWhere(
      'application.applicant_id IN (SELECT holder.id FROM users holder WHERE holder.national_id_hash = :nationalIdHash)',
      { nationalIdHash: filter.nationalIdHash },
    );
}
