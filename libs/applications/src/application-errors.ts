import { ConflictException, ForbiddenException, UnprocessableEntityException } from '@nestjs/common';

import type { Action, ApplicationState, Decision, FeeDue, FieldProblem, Refusal } from '@onegate/domain';

import { notFound } from './application-access.service';

export function actionNotAllowed(action: Action, state: ApplicationState, allowedActions: Action[]) {
  return new ConflictException({
    message: `${action} is not possible while the application is ${state}; possible now: ${allowedActions.join(', ') || 'nothing'}`,
    details: { state, allowedActions },
  });
}

/** An action held back until the fee is paid (docs/payments.md, "When the fee is due"). */
export function feeUnpaid(action: Action, feeDue: FeeDue) {
  const until = action === 'submit' ? 'before the file is submitted' : 'before the result is returned';
  return new ConflictException({
    message: `The fee is unpaid: it must be paid ${until}`,
    details: { reason: 'fee_unpaid', feeDue },
  });
}

export function changedMeanwhile(version: number) {
  return new ConflictException({
    message: 'The application changed since you read it: reload it and try again',
    details: { version },
  });
}

import { invalidFields } from '@onegate/platform';

export { invalidFields };

export function unprocessable(details: FieldProblem[]) {
  return new UnprocessableEntityException({
    message: `The application is not complete: ${details.map((detail) => detail.field).join(', ')}`,
    details,
  });
}

/** A typed payment reference proves nothing: a citizen pays through the gateway (docs/payments.md). */
export const citizenPaysOnline = () =>
  new ForbiddenException(
    'A citizen pays the fee online: POST /api/applications/:id/payments, then follow the redirect to the payment gateway',
  );

/** The answer to a refused action (docs/applications.md, "Rules chosen"). */
export function refusalError(action: Action, refusal: Refusal) {
  switch (refusal.reason) {
    case 'not_theirs':
      return notFound();
    case 'role':
      if (action === 'pay' && refusal.role === 'citizen') return citizenPaysOnline();
      return new ForbiddenException(`A ${refusal.role} cannot ${action.replace('_', ' ')} an application`);
    case 'version':
      return changedMeanwhile(refusal.version);
    case 'state':
      return actionNotAllowed(action, refusal.state!, refusal.possible);
    case 'fields':
      return invalidFields(refusal.problems);
    case 'fee_unpaid':
      return feeUnpaid(action, refusal.feeDue);
    case 'last_step':
      return new ConflictException({
        message: `The file is at the last step of its process (step ${refusal.step}): there is no step to forward it to`,
        details: { reason: 'last_step', step: refusal.step },
      });
  }
}

/** The decision, or the refusal's answer thrown. */
export function decidedOrThrow(
  action: Action,
  outcome: { refused: Refusal } | { decided: Decision },
): Decision {
  if ('refused' in outcome) throw refusalError(action, outcome.refused);
  return outcome.decided;
}
