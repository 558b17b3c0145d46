import { STEP_RECORDING_ACTIONS, STEP_ROLES } from '@onegate/domain';

import { ImportLineError, isoTime } from './import-line-checks';

/**
 * The step fields an imported event may carry (docs/metrics.md, "Historical import"), as its event
 * records them (docs/lifecycle.md, "Internal processing steps"): times as ISO text.
 */
export interface ImportStepFields {
  stepId?: string;
  /** Absent on a supplement, which gives the due time only. */
  step?: number;
  stepName?: string;
  stepAgencyId?: string;
  /** The holding agency by its code, instead of its id: the replay records its id. */
  stepAgencyCode?: string;
  stepRole?: string;
  stepDueAt?: string;
}

const STEP_FIELDS = [
  'stepId',
  'step',
  'stepName',
  'stepAgencyId',
  'stepAgencyCode',
  'stepRole',
  'stepDueAt',
] as const;
/** What an event entering a step must give (and the holding agency); `take_over` names the step in hand only. */
const ENTERING_REQUIRES = ['step', 'stepName', 'stepRole', 'stepDueAt'] as const;
const TAKE_OVER_TAKES: readonly string[] = ['stepId', 'step'];
/** A supplement may give the step's due time after the wait. */
const SUPPLEMENT_TAKES: readonly string[] = ['stepDueAt'];
const MAX_STEPS = 8;

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

function shortText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    return fail(`${field} must be a non-empty text of at most ${maxLength} characters`);
  }
  return value;
}

/**
 * Reads the step fields of an imported event: only on the events that record them (reception,
 * `forward`, `send_back`, `take_over`, and a supplement's `stepDueAt`), whole on those entering a step.
 * Undefined when it has none.
 */
export function importStepFieldsOf(
  event: Readonly<Record<string, unknown>>,
  type: string,
  path: string,
): ImportStepFields | undefined {
  const given = STEP_FIELDS.filter((field) => event[field] !== undefined && event[field] !== null);
  if (given.length === 0) return undefined;
  const takes =
    type === 'take_over'
      ? TAKE_OVER_TAKES
      : type === 'supplement'
        ? SUPPLEMENT_TAKES
        : STEP_RECORDING_ACTIONS.includes(type)
          ? STEP_FIELDS
          : [];
  const extra = given.find((field) => !takes.includes(field));
  if (extra) fail(`${path}.${extra} is not taken by ${type}`);
  if (type === 'supplement') {
    return { stepDueAt: isoTime(event.stepDueAt, `${path}.stepDueAt`).toISOString() } as ImportStepFields;
  }
  const needed = type === 'take_over' ? ['step'] : ENTERING_REQUIRES;
  const missing = needed.find((field) => !given.includes(field as (typeof STEP_FIELDS)[number]));
  if (missing) fail(`${path}.${missing} is required with the other step fields of ${type}`);
  const agencyGiven = ['stepAgencyId', 'stepAgencyCode'].filter((field) => given.includes(field as never));
  if (type !== 'take_over' && agencyGiven.length !== 1) {
    fail(
      `${path} needs exactly one of stepAgencyId and stepAgencyCode with the other step fields of ${type}`,
    );
  }
  const step = event.step;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > MAX_STEPS) {
    fail(`${path}.step must be a whole number from 1 to ${MAX_STEPS}`);
  }
  const role = event.stepRole;
  if (role !== undefined && !(STEP_ROLES as readonly unknown[]).includes(role)) {
    fail(`${path}.stepRole must be one of ${STEP_ROLES.join(', ')}`);
  }
  const fields: ImportStepFields = { step: step as number };
  if (event.stepId !== undefined) fields.stepId = shortText(event.stepId, `${path}.stepId`, 36);
  if (event.stepName !== undefined) fields.stepName = shortText(event.stepName, `${path}.stepName`, 255);
  if (event.stepAgencyId !== undefined) {
    fields.stepAgencyId = shortText(event.stepAgencyId, `${path}.stepAgencyId`, 36);
  }
  if (event.stepAgencyCode !== undefined) {
    fields.stepAgencyCode = shortText(event.stepAgencyCode, `${path}.stepAgencyCode`, 32);
  }
  if (role !== undefined) fields.stepRole = role as string;
  if (event.stepDueAt !== undefined) {
    fields.stepDueAt = isoTime(event.stepDueAt, `${path}.stepDueAt`).toISOString();
  }
  return fields;
}
