import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded } from 'express';
import type { RequestHandler } from 'express';

import { deferBodyReading } from '@onegate/access';
import type { AppConfig } from '@onegate/config';

import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
  status?: number;
}

const PARSED_TYPES = ['application/json', 'application/x-www-form-urlencoded'];
const TOO_DEEP = 'entity.too.deep';
const HAS_NUL = 'entity.nul';
/** NUL, raw or escaped in JSON or in a URL: PostgreSQL stores no text containing it. */
const NUL_IN_JSON = [Buffer.from([0]), Buffer.from('\\u0000')];
const NUL_IN_URL = /%00/i;

/**
 * JSON and form bodies are parsed up to the configured limit, but only when the access guard asks,
 * after it has established who is calling (docs/architecture.md, "HTTP conventions"): nothing is read
 * for a caller who is refused. Uploads (multipart) and imports (NDJSON) are not read here and have
 * their own limits.
 */
export function applyBodyLimits(app: NestExpressApplication, config: AppConfig): void {
  const limit = config.bodyLimitBytes;
  // express.json itself, as Nest reserves body-parser's verify hook for its raw-body option (unused here).
  const parsers = [
    json({ limit, verify: checkJsonBody }),
    urlencoded({ limit, extended: true, verify: checkFormBody }),
  ];
  app.use(refuseNulInAddress);
  app.use(((request, response, next) => {
    deferBodyReading(request, async () => {
      // A body that says it is too large is refused before any of it is read.
      if (request.is(PARSED_TYPES) && Number(request.header('content-length')) > limit) {
        throw explained({ type: 'entity.too.large' }, limit);
      }
      for (const parse of parsers) {
        await new Promise<void>((parsed, failed) =>
          parse(request, response, (error?: unknown) => (error ? failed(explained(error, limit)) : parsed())),
        );
      }
    });
    next();
  }) satisfies RequestHandler);
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
function explained(error: unknown, limit: number): unknown {
  switch ((error as BodyParserError | null)?.type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(
        `The request body is larger than the ${Math.floor(limit / 1024)} KiB limit`,
      );
    case 'entity.parse.failed':
      return new BadRequestException('The request body is not valid JSON');
    case HAS_NUL:
      return new BadRequestException('The request body must not contain the NUL character');
    case TOO_DEEP:
      return new BadRequestException(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException('Send the request body as UTF-8, without content encoding');
    default: {
      // A body cut short, or shorter or longer than it said: the sender's fault, never a 500.
      const status = (error as BodyParserError | null)?.status ?? 500;
      return status >= 400 && status < 500
        ? new HttpException('The request body could not be read', status)
        : error;
    }
  }
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
