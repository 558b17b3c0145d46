import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ACTION_TABLE } from '@onegate/domain';
import { ConsultationRepository } from '@onegate/persistence';

import type { ActionRequest } from './action.request';

/**
 * What `consult` and `answer_consultation` write besides their event, in the action's transaction
 * (docs/applications.md, "Consultations"): one consultation per agency asked, or the answer to one.
 */
@Injectable()
export class ConsultationWriter {
  public constructor(private readonly consultations: ConsultationRepository) {}

  public async write(
    manager: EntityManager,
    applicationId: string,
    actorId: string,
    request: ActionRequest,
    at: Date,
  ): Promise<void> {
    if (ACTION_TABLE[request.action].consultation === 'open') {
      const answerDueAt = new Date(request.answerDueAt!);
      await this.consultations.open(
        manager,
        [...new Set(request.agencyIds)].map((agencyId) => ({
          id: randomUUID(),
          applicationId,
          agencyId,
          askedBy: actorId,
          question: request.reason!,
          askedAt: at,
          answerDueAt,
          answeredAt: null,
          answeredBy: null,
          opinion: null,
        })),
      );
      return;
    }
    const answered = await this.consultations.answer(manager, request.consultationId!, {
      answeredAt: at,
      answeredBy: actorId,
      opinion: request.opinion!,
    });
    // Two answers at once: the file's version lets one through, and this guards the row as well.
    if (!answered) throw new ConflictException('This consultation was answered already');
  }
}
