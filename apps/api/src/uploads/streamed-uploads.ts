import { rm } from 'node:fs/promises';

import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import { BadRequestException, HttpException, HttpStatus, Injectable, mixin } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { catchError, concatMap, defer, from, switchMap, throwError } from 'rxjs';

import { CSRF_FORM_FIELD } from '@onegate/auth';

import { limitedDiskStorage, PartTooLarge } from './part-storage';

export interface UploadLimits {
  /** The one file part the route reads; absent: any number of named file parts, up to `files`. */
  field?: string;
  files: number;
  /** Largest file part, in bytes. */
  fileBytes: number;
  fields: number;
  /** Largest text field, in bytes. */
  fieldBytes: number;
  /** Smaller limits of some file parts, by field, found for each request (a procedure's documents). */
  partLimits?: Type<PartLimits>;
  /** Web forms show a file over its limit, or too many files, as a form problem, not as an error page. */
  limitsAsFormProblem?: boolean;
}

export interface PartLimits {
  bytesByField(request: Request): Promise<Record<string, number>>;
}

/** Set on the request when a form broke a limit and `limitsAsFormProblem` is on. */
export interface UploadProblem {
  uploadProblem?: { kind: 'tooLarge'; field: string; limitBytes: number } | { kind: 'tooMany' };
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
  const multerLimits = {
    files: limits.files,
    fileSize: limits.fileBytes,
    fields: limits.fields,
    fieldSize: limits.fieldBytes,
    parts: limits.files + limits.fields,
  };
  const requestBytes =
    limits.files * limits.fileBytes +
    limits.fields * limits.fieldBytes +
    (limits.files + limits.fields + 1) * PART_OVERHEAD_BYTES;
  /** A parser for one request; the first part over its limit settles `tooLarge` as soon as it passes it. */
  const parserFor = (partBytes: Record<string, number>) => {
    let tooLarge!: (refusal: PartTooLarge) => void;
    const passedLimit = new Promise<PartTooLarge>((settle) => (tooLarge = settle));
    const limitOf = (field: string) => Math.min(partBytes[field] ?? limits.fileBytes, limits.fileBytes);
    const parser = multer({ storage: limitedDiskStorage(limitOf, tooLarge), limits: multerLimits });
    return { parse: limits.field ? parser.single(limits.field) : parser.any(), passedLimit };
  };
  @Injectable()
  class StreamedUploadsInterceptor implements NestInterceptor {
    public constructor(private readonly modules: ModuleRef) {}

    public intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const request = context.switchToHttp().getRequest<Request & UploadProblem>();
      const response = context.switchToHttp().getResponse<Response>();
      return defer(async () => receive(request, response, await this.partBytes(request))).pipe(
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

    private partBytes(request: Request): Promise<Record<string, number>> {
      if (!limits.partLimits || !request.is('multipart/form-data')) return Promise.resolve({});
      return this.modules.get(limits.partLimits, { strict: false }).bytesByField(request);
    }
  }

  async function receive(
    request: Request & UploadProblem,
    response: Response,
    partBytes: Record<string, number>,
  ): Promise<void> {
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
    const { parse, passedLimit } = parserFor(partBytes);
    const parsed = new Promise<void>((done, fail) =>
      parse(request, response, (error: unknown) => (error ? fail(error) : done())),
    );
    parsed.catch(() => undefined); // a part over its limit is answered at once; the parser drains the rest
    try {
      const overLimit = await Promise.race([parsed.then(() => null), passedLimit]);
      if (overLimit) throw overLimit;
      // The access guard checked the token in the form's first part; the route's fields do not include it.
      delete (request.body as Record<string, unknown>)[CSRF_FORM_FIELD];
    } catch (error) {
      if (limits.limitsAsFormProblem && (isLimit(error) || error instanceof PartTooLarge)) {
        request.uploadProblem = problemOf(error, limits);
        request.files = []; // multer removes what it had received: none of the post's files is kept
        return;
      }
      throw refusal(error, limits);
    }
  }

  return mixin(StreamedUploadsInterceptor);
}

const megabytes = (bytes: number) => Math.floor(bytes / 1024 / 1024);
const counted = (count: number, thing: string) => `${count} ${thing}${count === 1 ? '' : 's'}`;

function isLimit(error: unknown): error is multer.MulterError {
  return (
    error instanceof multer.MulterError &&
    ['LIMIT_FILE_SIZE', 'LIMIT_FILE_COUNT', 'LIMIT_PART_COUNT'].includes(error.code)
  );
}

function problemOf(
  error: PartTooLarge | multer.MulterError,
  limits: UploadLimits,
): UploadProblem['uploadProblem'] {
  if (error instanceof PartTooLarge)
    return { kind: 'tooLarge', field: error.field, limitBytes: error.limitBytes };
  if (error.code === 'LIMIT_FILE_SIZE')
    return { kind: 'tooLarge', field: error.field ?? '', limitBytes: limits.fileBytes };
  return { kind: 'tooMany' };
}

/** Multer's limits, said with the field and the limit; anything else is a body that is not a readable form. */
function refusal(error: unknown, limits: UploadLimits): HttpException {
  if (error instanceof PartTooLarge) return tooLarge(error.field, error.limitBytes, limits);
  if (!(error instanceof multer.MulterError)) {
    return new BadRequestException('The form could not be read (cut short or malformed); send it again');
  }
  const part = error.field ? `"${error.field}"` : 'a part';
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return tooLarge(error.field ?? '', limits.fileBytes, limits);
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException(`Unexpected file part ${part}: send the file as "${limits.field}"`);
    case 'LIMIT_FIELD_VALUE':
      return new BadRequestException(`The field ${part} is longer than ${limits.fieldBytes} bytes`);
    default:
      return new BadRequestException(
        `A form may hold at most ${counted(limits.files, 'file')} and ${counted(limits.fields, 'other field')}`,
      );
  }
}

/** A file over its limit; the route's one file part is not named, other parts are. */
function tooLarge(field: string, limitBytes: number, limits: UploadLimits): HttpException {
  const file = field === limits.field ? 'The file' : `The file "${field}"`;
  return new HttpException(
    `${file} is larger than the ${megabytes(limitBytes)} MB limit`,
    HttpStatus.PAYLOAD_TOO_LARGE,
  );
}

/** The temporary files of this request (multer has already removed those of a failed one). */
async function removeReceived(request: Request): Promise<void> {
  const files = request.files;
  const received = [request.file, ...(Array.isArray(files) ? files : Object.values(files ?? {}).flat())];
  await Promise.all(received.map((file) => file?.path && rm(file.path, { force: true })));
}
