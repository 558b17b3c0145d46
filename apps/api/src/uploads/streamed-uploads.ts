import { rm } from 'node:fs/promises';

import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import { BadRequestException, HttpException, HttpStatus, Injectable, mixin } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { catchError, concatMap, defer, from, switchMap, throwError } from 'rxjs';

import { CSRF_FORM_FIELD } from '@onegate/auth';

import { processUploadFolder } from './upload-folders';

export interface UploadLimits {
  /** The one file part the route reads; absent: any number of named file parts, up to `files`. */
  field?: string;
  files: number;
  /** Largest file part, in bytes. */
  fileBytes: number;
  fields: number;
  /** Largest text field, in bytes. */
  fieldBytes: number;
  /** Web forms show a file over its limit, or too many files, as a form problem, not as an error page. */
  limitsAsFormProblem?: boolean;
}

/** Set on the request when a form broke a limit and `limitsAsFormProblem` is on. */
export interface UploadProblem {
  uploadProblem?: 'tooLarge' | 'tooMany';
}

/** Room for the parts' boundaries and headers, beyond their contents. */
const PART_OVERHEAD_BYTES = 1024;

/**
 * Reads a multipart upload once the guards have let the caller through (docs/applications.md,
 * "Reading an upload"): each file part streams to a temporary file in this process's upload folder,
 * never held whole in memory, within a per-part and a per-request limit; a declared length over
 * the request's limit is refused before anything is read. The temporary files are removed once the
 * route has answered, whether it succeeded or failed.
 */
export function StreamedUploads(limits: UploadLimits): Type<NestInterceptor> {
  const parser = multer({
    storage: multer.diskStorage({
      destination: (_request, _file, done) => {
        processUploadFolder().then(
          (folder) => done(null, folder),
          (error: Error) => done(error, ''),
        );
      },
    }),
    limits: {
      files: limits.files,
      fileSize: limits.fileBytes,
      fields: limits.fields,
      fieldSize: limits.fieldBytes,
      parts: limits.files + limits.fields,
    },
  });
  const parse = limits.field ? parser.single(limits.field) : parser.any();
  const requestBytes =
    limits.files * limits.fileBytes +
    limits.fields * limits.fieldBytes +
    (limits.files + limits.fields + 1) * PART_OVERHEAD_BYTES;

  @Injectable()
  class StreamedUploadsInterceptor implements NestInterceptor {
    public intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const request = context.switchToHttp().getRequest<Request & UploadProblem>();
      const response = context.switchToHttp().getResponse<Response>();
      return defer(() => receive(request, response)).pipe(
        switchMap(() => next.handle()),
        concatMap(async (answer: unknown) => {
          await removeReceived(request);
          return answer;
        }),
        catchError((error: unknown) =>
          from(removeReceived(request)).pipe(switchMap(() => throwError(() => error))),
        ),
      );
    }
  }

  async function receive(request: Request & UploadProblem, response: Response): Promise<void> {
    if (!request.is('multipart/form-data')) return;
    const declared = request.header('content-length');
    if (declared === undefined) {
      throw new HttpException('Send the upload with its Content-Length', HttpStatus.LENGTH_REQUIRED);
    }
    if (Number(declared) > requestBytes) {
      throw new HttpException(
        `The upload is larger than the ${megabytes(requestBytes)} MB a request may carry`,
        HttpStatus.PAYLOAD_TOO_LARGE,
      );
    }
    try {
      await new Promise<void>((done, fail) =>
        parse(request, response, (error: unknown) => (error ? fail(error) : done())),
      );
      // The access guard checked the token in the form's first part; the route's fields do not include it.
      delete (request.body as Record<string, unknown>)[CSRF_FORM_FIELD];
    } catch (error) {
      if (limits.limitsAsFormProblem && isLimit(error)) {
        request.uploadProblem = error.code === 'LIMIT_FILE_SIZE' ? 'tooLarge' : 'tooMany';
        request.files = []; // multer has removed what it had received: none of the post's files is kept
        return;
      }
      throw refusal(error, limits);
    }
  }

  return mixin(StreamedUploadsInterceptor);
}

const megabytes = (bytes: number) => Math.floor(bytes / 1024 / 1024);

function isLimit(error: unknown): error is multer.MulterError {
  return (
    error instanceof multer.MulterError &&
    ['LIMIT_FILE_SIZE', 'LIMIT_FILE_COUNT', 'LIMIT_PART_COUNT'].includes(error.code)
  );
}

/** Multer's limits, said with the field and the limit; anything else is a body that is not a readable form. */
function refusal(error: unknown, limits: UploadLimits): HttpException {
  if (!(error instanceof multer.MulterError)) {
    return new BadRequestException('The form could not be read (cut short or malformed); send it again');
  }
  const part = error.field ? `"${error.field}"` : 'a part';
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new HttpException(
        `The file ${part} is larger than the ${megabytes(limits.fileBytes)} MB limit`,
        HttpStatus.PAYLOAD_TOO_LARGE,
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException(`Unexpected file part ${part}: send the file as "${limits.field}"`);
    case 'LIMIT_FIELD_VALUE':
      return new BadRequestException(`The field ${part} is longer than ${limits.fieldBytes} bytes`);
    default:
      return new BadRequestException(
        `A form may hold at most ${limits.files} file(s) and ${limits.fields} other field(s)`,
      );
  }
}

/** The temporary files of this request (multer has already removed those of a failed one). */
async function removeReceived(request: Request): Promise<void> {
  const files = request.files;
  const received = [request.file, ...(Array.isArray(files) ? files : Object.values(files ?? {}).flat())];
  await Promise.all(received.map((file) => file?.path && rm(file.path, { force: true })));
}
