import { Injectable, NotFoundException } from '@nestjs/common';
import { isUUID } from 'class-validator';

import type { AuthenticatedUser, ResourceCheck } from '@onegate/access';

import { FeedbackService } from './feedback.service';

const noSuchFeedback = () => new NotFoundException('No such feedback');

/** The caller wrote the feedback in `:id`: only they rate its answer (`@BodyAfter`). */
@Injectable()
export class AuthorOfFeedback implements ResourceCheck {
  public constructor(private readonly feedback: FeedbackService) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!isUUID(params.id)) throw noSuchFeedback();
    await this.feedback.assertAuthor(user, params.id);
  }
}

/** The caller is staff of the agency of the feedback in `:id`, or above it (`@BodyAfter`). */
@Injectable()
export class StaffOfFeedback implements ResourceCheck {
  public constructor(private readonly feedback: FeedbackService) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!isUUID(params.id)) throw noSuchFeedback();
    await this.feedback.assertStaff(user, params.id);
  }
}
