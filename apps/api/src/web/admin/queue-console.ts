import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { HttpStatus, Injectable, Module } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import passport from 'passport';

import type { AuthenticatedUser } from '@onegate/access';
import { AuthModule } from '@onegate/auth';
import { ALL_QUEUES } from '@onegate/jobs';

import { PageRenderer } from '../core/page-renderer';
import { PageRendererModule } from '../core/page-renderer.module';
import type { WebRequest } from '../core/web-request';

export const QUEUE_CONSOLE_PATH = '/admin/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who may open the queue console: a signed-in administrator (the web session cookie, checked by the
 * same strategy as every route). Its own API calls change jobs; they must come from this site.
 */
@Injectable()
export class QueueConsoleAccess {
  public constructor(private readonly pages: PageRenderer) {}

  public readonly middleware: RequestHandler = (request, response, next) => {
    const authenticate = passport.authenticate(
      'jwt',
      { session: false },
      (error: unknown, user: AuthenticatedUser | false) => this.decide(error, user, request, response, next),
    ) as RequestHandler;
    authenticate(request, response, next);
  };

  private decide(
    error: unknown,
    user: AuthenticatedUser | false,
    request: Request,
    response: Response,
    next: NextFunction,
  ): void {
    if (error) return next(error);
    if (!user) {
      const back = request.method === 'GET' ? request.originalUrl : QUEUE_CONSOLE_PATH;
      return response.redirect(HttpStatus.SEE_OTHER, `/sign-in?next=${encodeURIComponent(back)}`);
    }
    const page = request as WebRequest;
    page.user = user;
    if (user.role !== 'admin' || (!SAFE_METHODS.has(request.method) && !isSameSite(request))) {
      void this.pages
        .render(
          page,
          response,
          'errors/error',
          {
            titleKey: 'errors.forbidden',
            messageKey: 'errors.forbiddenText',
            status: HttpStatus.FORBIDDEN,
          },
          HttpStatus.FORBIDDEN,
        )
        .catch(next);
      return;
    }
    next();
  }
}

/** A change must come from OneGate's own pages: the browser says where a request comes from. */
function isSameSite(request: Request): boolean {
  const site = request.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.header('origin');
  return !origin || origin === `${request.protocol}://${request.header('host')}`;
}

@Module({
  imports: [AuthModule, PageRendererModule],
  providers: [QueueConsoleAccess],
  exports: [QueueConsoleAccess],
})
export class QueueConsoleAccessModule {}

/** The BullMQ console (bull-board) at /admin/queues, for administrators, over every queue of the registry. */
export const QUEUE_CONSOLE_IMPORTS = [
  BullBoardModule.forRootAsync({
    imports: [QueueConsoleAccessModule],
    inject: [QueueConsoleAccess],
    useFactory: (access: QueueConsoleAccess) => ({
      route: QUEUE_CONSOLE_PATH,
      adapter: ExpressAdapter,
      middleware: access.middleware,
      boardOptions: { uiConfig: { boardTitle: 'OneGate' } },
    }),
  }),
  BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
];
