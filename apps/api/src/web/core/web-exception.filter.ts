import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

import { isSameOriginRequest } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import { PASSWORD_CHANGE_REQUIRED } from '@onegate/access';
import { AllExceptionsFilter, unavailableAsHttp } from '@onegate/observability';

import { formApplicationOf, KEPT_PREFIX, postedAnswers } from '../citizen/kept-answers';
import { PageRenderer } from './page-renderer';
import { CHANGE_PASSWORD_PAGE } from '../account/account-pages';
import type { WebRequest } from './web-request';

/** Paths that answer JSON (or plain text) whatever the client accepts. */
const MACHINE_PATHS = /^\/(api|health|metrics|assets)(\/|$)/;

const TITLES: Record<number, string> = {
  [HttpStatus.FORBIDDEN]: 'errors.forbidden',
  [HttpStatus.NOT_FOUND]: 'errors.notFound',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'errors.server',
};

/**
 * Errors on web pages are pages, in the reader's language: a visitor who is not signed in is sent to
 * the sign-in page, other errors get a 403, 404 or 500 page. The API keeps its JSON error bodies.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');
  private readonly api = new AllExceptionsFilter();

  public constructor(
    private readonly pages: PageRenderer,
    private readonly config: AppConfig,
  ) {}

  /**
   * An application form posted after its session ended (docs/portal.md, "Drafts"): the sign-in page
   * says so and carries the answers back in its own form, to be saved once the applicant is signed in
   * again; they are never stored for someone unknown, nor put in an address. Only from OneGate's pages.
   */
  private async keptThroughSignIn(request: WebRequest, response: Response): Promise<boolean> {
    const path = request.path;
    if (request.method !== 'POST' || !formApplicationOf(path) || !request.is('multipart/form-data'))
      return false;
    if (!isSameOriginRequest(request, this.config)) return false;
    const answers = await postedAnswers(request);
    const kept = Object.entries(answers).map(([name, value]) => ({ name: `${KEPT_PREFIX}${name}`, value }));
    const data = { titleKey: 'signIn.title', next: path, expired: true, kept };
    await this.pages.render(request, response, 'public/sign-in', data, HttpStatus.UNAUTHORIZED);
    return true;
  }

  public async catch(thrown: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<WebRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    if (!isPageRequest(request) || response.headersSent) return this.api.catch(thrown, host);
    // A database outage is a 503 page (try again), not a 500.
    const exception = unavailableAsHttp(thrown);
    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (codeOf(exception) === PASSWORD_CHANGE_REQUIRED) {
      return response.redirect(HttpStatus.SEE_OTHER, CHANGE_PASSWORD_PAGE);
    }
    if (status === HttpStatus.UNAUTHORIZED) {
      if (await this.keptThroughSignIn(request, response)) return;
      const next = request.method === 'GET' ? request.originalUrl : '/';
      return response.redirect(HttpStatus.SEE_OTHER, `/sign-in?next=${encodeURIComponent(next)}`);
    }
    if (!(exception instanceof HttpException)) {
      this.logger.error({ err: exception, requestId: String(request.id ?? '') }, 'unexpected error');
    }
    try {
      await this.pages.render(
        request,
        response,
        'errors/error',
        {
          titleKey: TITLES[status] ?? 'errors.generic',
          status,
          messageKey: `${TITLES[status] ?? 'errors.generic'}Text`,
          detail: status < 500 && !TITLES[status] ? messageOf(exception) : null,
          signInHint: status === HttpStatus.FORBIDDEN,
        },
        status,
      );
    } catch (renderError) {
      this.logger.error({ err: renderError }, 'error page failed');
      if (!response.headersSent) this.api.catch(exception, host);
    }
  }
}

/** A browser asks for HTML by name when it opens a page; API clients and scripts do not. */
export function isPageRequest(request: WebRequest): boolean {
  if (MACHINE_PATHS.test(request.path)) return false;
  return (request.header('accept') ?? '').includes('text/html');
}

function codeOf(exception: unknown): unknown {
  const raw = exception instanceof HttpException ? exception.getResponse() : null;
  return typeof raw === 'object' && raw !== null ? (raw as { code?: unknown }).code : undefined;
}

function messageOf(exception: unknown): string | null {
  if (!(exception instanceof HttpException)) return null;
  const raw = exception.getResponse();
  const message = typeof raw === 'string' ? raw : (raw as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : null;
}
