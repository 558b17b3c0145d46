import { BadRequestException } from '@nestjs/common';
import type { RequestHandler } from 'express';
import multer from 'multer';

import { MAX_UPLOAD_BYTES } from '@onegate/applications';

/** At most this many documents in one form post. */
const MAX_FILES = 10;

const parse = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: MAX_FILES, fields: 200, fieldSize: 64 * 1024 },
}).any();

export interface UploadedDocuments {
  files?: Express.Multer.File[];
  /** Set when the post broke a limit: the form says so instead of failing. */
  uploadProblem?: 'tooLarge' | 'tooMany';
}

/**
 * Reads a multipart form before the access guard runs, so its `_csrf` field is checked like any
 * other form's. A file over the largest limit is cut off while it streams in.
 */
export const documentUploads: RequestHandler = (request, response, next) => {
  parse(request, response, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      (request as typeof request & UploadedDocuments).uploadProblem =
        error.code === 'LIMIT_FILE_SIZE' ? 'tooLarge' : 'tooMany';
      request.body ??= {};
      return next();
    }
    // Anything else is a body that is not a readable form (no boundary, cut short): the sender's fault.
    next(error ? new BadRequestException('The form could not be read; send it again') : undefined);
  });
};
