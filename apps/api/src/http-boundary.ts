import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded } from 'express';
import type { ErrorRequestHandler, RequestHandler } from 'express';

import type { AppConfig } from '@onegate/config';

import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
}

const TOO_DEEP = 'entity.too.deep';
const HAS_NUL = 'entity.nul';
/** NUL, raw or escaped in JSON or in a URL: PostgreSQL stores no text containing it. */
const NUL_IN_JSON = [Buffer.from([0]), Buffer.from('\\u0000')];
const NUL_IN_URL = /%00/i;

/**
 * JSON and form bodies are parsed up to the configured limit; uploads (multipart) and imports
 * (NDJSON) are not read here and have their own limits.
 */
export function applyBodyLimits(app: NestExpressApplication, config: AppConfig): void {
  const limit = config.bodyLimitBytes;
  app.use(refuseNulInAddress);
  // express.json itself, as Nest reserves body-parser's verify hook for its raw-body option (unused here).
  app.use(json({ limit, verify: checkJsonBody }));
  app.use(urlencoded({ limit, extended: true, verify: checkFormBody }));
  app.use(explainBodyErrors(limit));
}

const refused = (message: string, type: string) => Object.assign(new Error(message), { type });

/** body-parser's verify hook: a JSON body nested too deep, or holding NUL, is refused before it is parsed. */
function checkJsonBody(_request: unknown, _response: unknown, body: Buffer): void {
  if (NUL_IN_JSON.some((nul) => body.includes(nul))) throw refused('NUL', HAS_NUL);
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) throw refused('nested too deep', TOO_DEEP);
}

function checkFormBody(_request: unknown, _response: unknown, body: Buffer): void {
  if (body.includes(0) || NUL_IN_URL.test(body.toString('latin1'))) throw refused('NUL', HAS_NUL);
}

const refuseNulInAddress: RequestHandler = (request, _response, next) => {
  next(
    NUL_IN_URL.test(request.url)
      ? new BadRequestException('The address must not contain %00 (NUL)')
      : undefined,
  );
};

/**
 * body-parser's own messages quote the body ("Unexpected token … in JSON") or say little
 * ("request entity too large"); these say what was wrong and echo nothing back.
 */
function explainBodyErrors(limit: number): ErrorRequestHandler {
  return (error: unknown, _request, _response, next) => {
    const type = (error as BodyParserError | null)?.type;
    switch (type) {
      case 'entity.too.large':
        return next(
          new PayloadTooLargeException(
            `The request body is larger than the ${Math.floor(limit / 1024)} KiB limit`,
          ),
        );
      case 'entity.parse.failed':
        return next(new BadRequestException('The request body is not valid JSON'));
      case HAS_NUL:
        return next(new BadRequestException('The request body must not contain the NUL character'));
      case TOO_DEEP:
        return next(new BadRequestException(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`));
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return next(
          new UnsupportedMediaTypeException('Send the request body as UTF-8, without content encoding'),
        );
      default:
        return next(error);
    }
  };
}

/** CORS is closed unless exact origins are configured: then only those get the CORS headers. */
export function applyCors(app: NestExpressApplication, config: AppConfig): void {
  if (config.corsOrigins.length === 0) return;
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}
