import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';

import { ErrorBody } from '@onegate/platform';

import { unavailableAsHttp } from './dependency-unavailable';

/** Turns every thrown error into an ErrorBody; anything unexpected is a logged 500 with its request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  public catch(thrown: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = String(request.id ?? '');
    const exception = unavailableAsHttp(thrown);
    if (exception !== thrown) this.logger.warn({ requestId }, 'database unavailable: answered 503');
    const body = exception instanceof HttpException ? fromHttpException(exception, requestId) : undefined;
    if (!body) {
      this.logger.error({ err: exception, requestId }, 'unexpected error');
    }
    const answer = body ?? internalError(requestId);
    response.status(answer.statusCode).json(answer);
  }
}

function fromHttpException(exception: HttpException, requestId: string): ErrorBody {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const message = typeof raw === 'string' ? raw : fields.message;
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(fields.details !== undefined ? { details: fields.details } : {}),
    requestId,
  };
}

function internalError(requestId: string): ErrorBody {
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'Internal Server Error',
    message: `Something went wrong on our side. Quote reference ${requestId} if you contact support.`,
    requestId,
  };
}
