import type { Type } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  getSchemaPath,
} from '@nestjs/swagger';

/** A page of items: `{items, total, page, pageSize}` (docs/api.md, "Paging"). */
export function ApiPageResponse(item: Type, description = 'One page of the list'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', minimum: 0, example: 42 },
          page: { type: 'integer', minimum: 1, example: 1 },
          pageSize: { type: 'integer', minimum: 1, example: 20 },
        },
      },
    }),
  );
}

/**
 * A JSON object answer whose fields the document does not list yet: its fields are described by the
 * docs page named in `description` (docs/api.md, "What is not described field by field").
 */
export function ApiObjectResponse(description: string): MethodDecorator {
  return ApiOkResponse({ description, schema: { type: 'object' } });
}

/** A file download in one of the given media types. */
export function ApiFileResponse(description: string, ...mediaTypes: string[]): MethodDecorator {
  return applyDecorators(
    ApiProduces(...mediaTypes),
    ApiOkResponse({
      description,
      content: Object.fromEntries(
        mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  );
}

/** A report or list downloaded as CSV or as an Excel workbook (`format`). */
export function ApiExportResponse(description = 'The download, as `format` asks'): MethodDecorator {
  return ApiFileResponse(
    description,
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

/** A new secret, shown this once, and until when the previous one is still accepted. */
export const SECRET_ROTATION = (name: string) => ({
  type: 'object' as const,
  required: [name, 'previousSecretUntil'],
  properties: {
    [name]: { type: 'string' as const, description: 'Shown this once' },
    previousSecretUntil: { type: 'string' as const, format: 'date-time', nullable: true },
  },
});

/** How many deliveries were queued again. */
export const REDELIVERED = {
  type: 'object' as const,
  required: ['redelivered'],
  properties: { redelivered: { type: 'integer' as const, minimum: 0, example: 1 } },
};

/** A record answered once with its new secret beside it (`clientSecret`, `secret`): shown this once. */
export function ApiCreatedWithSecret(item: Type, secret: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiCreatedResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(item) },
          { type: 'object', required: [secret], properties: { [secret]: { type: 'string' } } },
        ],
      },
    }),
  );
}
