import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ErrorBody as ErrorBodyShape, FieldProblem as FieldProblemShape } from '@onegate/platform';

export class FieldProblem implements FieldProblemShape {
  @ApiProperty({ example: 'email' })
  public field!: string;

  @ApiProperty({ type: [String], example: ['email must be an email'] })
  public problems!: string[];
}

/** The one error body of the API (docs/api.md, "Errors"), written once for the OpenAPI document. */
export class ErrorBody implements ErrorBodyShape {
  @ApiProperty({ example: 400 })
  public statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  public error!: string;

  @ApiProperty({ example: 'email must be an email' })
  public message!: string;

  @ApiPropertyOptional({
    description: 'A stable name for a refusal the client is expected to act on.',
    example: 'password_change_required',
  })
  public code?: string;

  @ApiPropertyOptional({
    description:
      'For invalid input, each failing field with its problems; other errors may add their own facts.',
    anyOf: [{ type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } }, { type: 'object' }],
  })
  public details?: unknown;

  @ApiProperty({ description: 'The request id, also in the X-Request-Id header and in every log line.' })
  public requestId!: string;
}
