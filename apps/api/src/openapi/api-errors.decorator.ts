import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { ErrorBody } from './error-body.dto';

/** What each error status means on OneGate's routes (docs/api.md, "Errors"). */
export const ERROR_MEANINGS: Readonly<Record<number, string>> = {
  400: 'Invalid input (`details` names each failing field), or a body that is not well-formed',
  401: 'Not signed in, or the token or session is no longer valid',
  403: 'Signed in, but this caller may not do this (role, scope, CSRF token, or an account that must act first)',
  404: 'No such resource, or one this caller may not see',
  409: 'In conflict with the current state (a stale version, a repeated key, a state that does not allow it)',
  413: 'The body or the upload is larger than allowed',
  415: 'The body is not of a media type this route reads',
  422: 'Well-formed, but refused by a rule of the procedure or of the file',
  429: 'Too many attempts; try again later',
  503: 'A service this route needs is not available at the moment',
};

/**
 * The error answers a route gives besides the ones every route of its kind gives (access, input, path
 * resource: added to the document from the route's access rule, see openapi-document.ts), each with
 * the shared error body.
 */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBody),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_MEANINGS[status] ?? 'Refused',
        // Named here, so a route that produces files still answers its errors as JSON.
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
      }),
    ),
  );
}
