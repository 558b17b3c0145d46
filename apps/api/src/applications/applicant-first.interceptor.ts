import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { defer, switchMap } from 'rxjs';
import { isUUID } from 'class-validator';

import type { AuthenticatedUser } from '@onegate/access';
import { AttachmentService, notFound } from '@onegate/applications';

/**
 * For routes that upload documents to the application in `:id`: only its applicant gets past,
 * before any of the upload is read (docs/applications.md, "Reading an upload").
 */
@Injectable()
export class ApplicantFirst implements NestInterceptor {
  public constructor(private readonly attachments: AttachmentService) {}

  public intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>();
    const id = String(request.params.id);
    return defer(async () => {
      if (!isUUID(id)) throw notFound();
      await this.attachments.assertApplicant(request.user, id);
    }).pipe(switchMap(() => next.handle()));
  }
}
