import { ConflictException, UnprocessableEntityException } from '@nestjs/common';

import type { Action, ApplicationState, FieldProblem } from '@onegate/domain';

export function actionNotAllowed(action: Action, state: ApplicationState, allowedActions: Action[]) {
  return new ConflictException({
    message: `${action} is not possible while the application is ${state}; possible now: ${allowedActions.join(', ') || 'nothing'}`,
    details: { state, allowedActions },
  });
}

export function changedMeanwhile(version: number) {
  return new ConflictException({
    message: 'The application changed since you read it: reload it and try again',
    details: { version },
  });
}

export { invalidFields } from '@onegate/observability';

export function unprocessable(details: FieldProblem[]) {
  return new UnprocessableEntityException({
    message: `The application is not complete: ${details.map((detail) => detail.field).join(', ')}`,
    details,
  });
}
