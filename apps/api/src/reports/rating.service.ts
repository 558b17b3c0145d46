import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationAccessService, WorkingCalendarService } from '@onegate/applications';
import { ApplicationRepository, isUniqueViolation, TransactionRunner } from '@onegate/persistence';
import type { ApplicationRating } from '@onegate/persistence';
import { Clock } from '@onegate/platform';
import { RatingRepository, ReportRollupsService } from '@onegate/reporting';

import type { RatingDto, RatingRequest } from './rating.request';

/** A citizen rates their own returned application, once; the rating counts on the date of the return. */
@Injectable()
export class RatingService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccessService,
    private readonly ratings: RatingRepository,
    private readonly rollups: ReportRollupsService,
    private readonly calendars: WorkingCalendarService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  public async rate(
    citizen: AuthenticatedUser,
    applicationId: string,
    request: RatingRequest,
  ): Promise<RatingDto> {
    const application = await this.access.assertVisible(
      citizen,
      await this.applications.findById(applicationId),
    );
    if (request.score === undefined) {
      throw new BadRequestException({
        message: 'Invalid score',
        details: [{ field: 'score', problems: ['score is required: a whole number from 1 to 5'] }],
      });
    }
    if (application.state !== 'returned') {
      throw new ConflictException({
        message: `Only a returned application can be rated; this one is ${application.state}`,
        details: { state: application.state },
      });
    }
    const rating: ApplicationRating = {
      applicationId,
      score: request.score,
      comment: request.comment ?? null,
      ratedAt: this.clock.now(),
      ratedBy: citizen.id,
    };
    const calendar = await this.calendars.calendarFor(application.competentAgency!);
    try {
      await this.transactions.run(async (manager) => {
        await this.ratings.insert(manager, rating);
        await this.rollups.recordRating(manager, application, rating.score, calendar);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('This application is already rated');
      throw error;
    }
    return {
      applicationId,
      score: rating.score,
      comment: rating.comment,
      ratedAt: rating.ratedAt.toISOString(),
    };
  }
}
