import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';

/** A route's id parameter. Anything but a UUID names nothing, so it is a 404 like an unknown id. */
export const IdParam = (name = 'id'): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND }));
