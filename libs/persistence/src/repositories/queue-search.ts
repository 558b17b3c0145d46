import type { SelectQueryBuilder } from 'typeorm';

import { APPLICATION_STATES, CLOSED_STATES } from '@onegate/domain';

import type { Application } from '../entities';
import { escapeLike, toSearchText } from '../search-text';
import type { QueueFilter } from './application.repository';

const OPEN_QUEUE_STATES = APPLICATION_STATES.filter(
  (state) => state !== 'draft' && !(CLOSED_STATES as readonly string[]).includes(state),
);

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
  // The number and the phone are sealed on the file; only their keyed hashes are compared in SQL.
  if (filter.nationalIdHash !== undefined)
    query.andWhere('application.applicant_national_id_hash = :nationalIdHash', {
      nationalIdHash: filter.nationalIdHash,
    });
  if (filter.phoneHash !== undefined)
    query.andWhere('application.applicant_phone_hash = :phoneHash', { phoneHash: filter.phoneHash });
  if (filter.waitingForCitizen) query.andWhere(WAITING_FOR_CITIZEN);
  if (filter.agencyUnheld !== undefined)
    query.andWhere('application.assignee_id IS NULL AND application.competent_agency_id IN (:...unitIds)', {
      unitIds: filter.agencyUnheld.length > 0 ? filter.agencyUnheld : [''],
    });
  if (filter.stepPosition !== undefined)
    query.andWhere('application.step_position = :stepPosition', { stepPosition: filter.stepPosition });
  if (filter.stepUnit)
    query.andWhere(
      'application.step_agency_id = :unitAgencyId AND application.step_role = :unitRole AND application.step_holder_id IS NULL',
      { unitAgencyId: filter.stepUnit.agencyId, unitRole: filter.stepUnit.role },
    );
}

const OPEN_STATES = OPEN_QUEUE_STATES.map((state) => `'${state}'`).join(', ');

/**
 * Waiting for the citizen: a supplement asked for, or a fee due and unpaid (due from the start when the
 * procedure takes it at submission, else once the file is decided, before its return).
 */
const WAITING_FOR_CITIZEN = `(application.state = 'supplement_requested' OR (NOT application.paid AND application.state IN (${OPEN_STATES}) AND (application.state = 'decided' OR procedure.fee_due = 'at_submission')))`;
