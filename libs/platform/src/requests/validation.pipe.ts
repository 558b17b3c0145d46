import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { BadRequestException, ValidationPipe } from '@nestjs/common';

import type { FieldProblem } from './error-body';

/** The one validation pipe: unknown fields are rejected, and every failing field path is listed. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });
}

/** A 400 listing each field at fault and what is wrong with it. */
export function invalidFields(details: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    message: `Invalid ${details.map((detail) => detail.field).join(', ')}`,
    details,
  });
}

/**
 * A request body is one JSON object: an array or a bare value would otherwise reach a handler whose
 * fields are all optional without a single check.
 */
class RequestValidationPipe extends ValidationPipe {
  public override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const wholeBody = metadata.type === 'body' && metadata.data === undefined && this.toValidate(metadata);
    if (
      wholeBody &&
      value !== undefined &&
      value !== null &&
      (typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new BadRequestException({
        message: 'Invalid body',
        details: [{ field: 'body', problems: ['must be a JSON object'] }],
      });
    }
    return super.transform(value, metadata);
  }

  /**
   * A named query parameter declared as a number stays the text that was sent: its own pipe
   * (`IntegerBetweenPipe`) reads it, so that `1e3`, `0x10` or a blank are refused as on a query class
   * instead of being turned into numbers here.
   */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'query' && metadata.metatype === Number) return value;
    return super.transformPrimitive(value, metadata);
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
