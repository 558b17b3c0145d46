import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';

import type { AuthenticatedUser, ResourceCheck } from '@onegate/access';
import { ApplicationRepository } from '@onegate/persistence';

import { ApplicationAccessService, notFound } from './application-access.service';
import { ApplicationMessagesService } from './application-messages.service';
import { AttachmentService } from './attachment.service';

/** The application in `:id` is one the caller may see: a citizen's own, a clerk's agency's (`@BodyAfter`). */
@Injectable()
export class ApplicationOfCaller implements ResourceCheck {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccessService,
  ) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!isUUID(params.id)) throw notFound();
    await this.access.assertVisible(user, await this.applications.findById(params.id));
  }
}

/**
 * The application in `:id` is one the caller reaches, if only as a consulted agency: the actions route,
 * whose row then says what they may do (`@BodyAfter`; docs/applications.md, "Consultations").
 */
@Injectable()
export class ApplicationReachedByCaller implements ResourceCheck {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly access: ApplicationAccessService,
  ) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!isUUID(params.id)) throw notFound();
    await this.access.assertReached(user, await this.applications.findById(params.id));
  }
}

/** The caller is a side of the thread of the application in `:id`: its applicant or its agency's staff (`@BodyAfter`). */
@Injectable()
export class PartyOfThread implements ResourceCheck {
  public constructor(private readonly messages: ApplicationMessagesService) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!isUUID(params.id)) throw notFound();
    await this.messages.assertParty(user, params.id);
  }
}

/** The caller is the applicant of the application in `:id`: only they add its documents (`@BodyAfter`). */
@Injectable()
export class ApplicantOfApplication implements ResourceCheck {
  public constructor(private readonly attachments: AttachmentService) {}

  public async assertMayActOn(
    user: AuthenticatedUser,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!isUUID(params.id)) throw notFound();
    await this.attachments.assertApplicant(user, params.id);
  }
}
