import { HttpException, Injectable, Logger } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import type { ApplicationState } from '@onegate/domain';
import { ApplicationRepository } from '@onegate/persistence';

import { ApplicationActionsService } from './application-actions.service';
import { invalidFields } from './application-errors';
import type { BulkActionRequest } from './bulk-action.request';

/** What became of one file of a bulk action. */
export type BulkActionResult =
  | { id: string; code: string | null; done: true; state: ApplicationState; version: number }
  | { id: string; code: string | null; done: false; status: number; message: string; details?: unknown };

export interface BulkActionAnswer {
  action: BulkActionRequest['action'];
  done: number;
  failed: number;
  results: BulkActionResult[];
}

/**
 * One action on several files of the queue: each file goes through the same path as a single action
 * (its own access check, version guard, event, notices and jobs), one after the other; a file that
 * cannot take it is reported and the others go on (docs/applications.md, "Bulk actions").
 */
@Injectable()
export class BulkActionsService {
  private readonly logger = new Logger(BulkActionsService.name);

  public constructor(
    private readonly actions: ApplicationActionsService,
    private readonly applications: ApplicationRepository,
  ) {}

  public async perform(user: AuthenticatedUser, request: BulkActionRequest): Promise<BulkActionAnswer> {
    if (request.action === 'assign' && !request.assigneeId)
      throw invalidFields([{ field: 'assigneeId', problems: ['is required to assign'] }]);
    if (request.action !== 'assign' && request.assigneeId)
      throw invalidFields([{ field: 'assigneeId', problems: [`is not taken by ${request.action}`] }]);
    const fields = request.action === 'assign' ? { assigneeId: request.assigneeId } : {};
    const results: BulkActionResult[] = [];
    for (const id of new Set(request.ids)) {
      results.push(await this.performOne(user, id, { action: request.action, ...fields }));
    }
    const done = results.filter((result) => result.done).length;
    return { action: request.action, done, failed: results.length - done, results };
  }

  private async performOne(
    user: AuthenticatedUser,
    id: string,
    action: { action: BulkActionRequest['action']; assigneeId?: string },
  ): Promise<BulkActionResult> {
    try {
      const { application } = await this.actions.perform({ kind: 'user', user }, id, action);
      const { code, state, version } = application;
      return { id, code, done: true, state, version };
    } catch (error) {
      if (!(error instanceof HttpException)) {
        this.logger.error({ err: error, applicationId: id }, 'a file of a bulk action failed');
        return { id, code: null, done: false, status: 500, message: 'The action failed on our side' };
      }
      const answer = error.getResponse();
      const body = typeof answer === 'string' ? { message: answer } : (answer as Record<string, unknown>);
      // A file the caller may not see stays unnamed, as a single action's 404 does.
      const code = error.getStatus() === 404 ? null : await this.codeOf(id);
      return {
        id,
        code,
        done: false,
        status: error.getStatus(),
        message: typeof body.message === 'string' ? body.message : error.message,
        ...(body.details === undefined ? {} : { details: body.details }),
      };
    }
  }

  private async codeOf(id: string): Promise<string | null> {
    return (await this.applications.findById(id))?.code ?? null;
  }
}
