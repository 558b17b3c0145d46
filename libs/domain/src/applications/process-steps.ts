import type { WorkingCalendar } from '../calendar';
import type { SupplementPolicy } from './due-time';
import { dueAtAfterSupplement, dueAtOnReception } from './due-time';

/** Who holds a step: a clerk or a supervisor of the holding agency (docs/lifecycle.md, "Processing steps"). */
export const STEP_HOLDER_ROLES = ['clerk', 'supervisor'] as const;
export type StepHolderRole = (typeof STEP_HOLDER_ROLES)[number];

/** A procedure has no steps, or between these many (docs/applications.md, "Process"). */
export const MIN_STEPS = 2;
export const MAX_STEPS = 8;

/** One step of a procedure's internal process. */
export interface ProcessStep {
  id: string;
  position: number;
  nameVi: string;
  /** null: the procedure's competent agency; another agency makes the step a transfer. */
  holderAgencyId: string | null;
  holderRole: StepHolderRole;
  budgetHours: number;
}

/** The file's current step, as its columns hold it. */
export interface CurrentStep {
  stepId?: string | null;
  stepPosition?: number | null;
  stepAgencyId?: string | null;
  stepRole?: string | null;
  stepHolderId?: string | null;
  stepStartedAt?: Date | null;
  stepDueAt?: Date | null;
}

/** The step columns an action sets on the file. */
export interface StepChanges {
  stepId?: string;
  stepPosition?: number;
  stepAgencyId?: string;
  stepRole?: StepHolderRole;
  stepHolderId?: string | null;
  stepStartedAt?: Date;
  stepDueAt?: Date;
}

/** What an action needs to know of the procedure's process to move a file through it. */
export interface ProcessContext {
  steps: readonly ProcessStep[];
  /** The agency a step without its own holder belongs to. */
  competentAgencyId: string;
  /** Each holding agency's working calendar; a step's due time counts on it. */
  calendars: ReadonlyMap<string, WorkingCalendar>;
}

/** The agency that holds a step: its own, else the competent one. */
export const holdingAgencyOf = (step: ProcessStep, competentAgencyId: string): string =>
  step.holderAgencyId ?? competentAgencyId;

/** The calendar a step's time counts on: its holding agency's. */
export function stepCalendar(process: ProcessContext, step: ProcessStep): WorkingCalendar {
  const agencyId = holdingAgencyOf(step, process.competentAgencyId);
  const calendar = process.calendars.get(agencyId);
  if (!calendar) throw new Error(`No working calendar given for agency ${agencyId}`);
  return calendar;
}

/** Entering a step at `at`: its columns, with the due time counted from `at` on its agency's calendar. */
export function enterStep(
  process: ProcessContext,
  step: ProcessStep,
  at: Date,
  holderId: string | null,
): Required<StepChanges> {
  return {
    stepId: step.id,
    stepPosition: step.position,
    stepAgencyId: holdingAgencyOf(step, process.competentAgencyId),
    stepRole: step.holderRole,
    stepHolderId: holderId,
    stepStartedAt: at,
    stepDueAt: dueAtOnReception(stepCalendar(process, step), at, step.budgetHours),
  };
}

/**
 * The step's due time after a supplement wait from `requestedAt` to `resumedAt`, exactly as the file's
 * (docs/lifecycle.md, "Due time and the clock"): pushed on by the paused working time of the step's
 * calendar, or counted afresh from the supplement under `restart`.
 */
export function stepDueAfterSupplement(
  process: ProcessContext,
  step: ProcessStep,
  policy: SupplementPolicy,
  stepDueAt: Date,
  requestedAt: Date,
  resumedAt: Date,
): Date {
  return dueAtAfterSupplement(
    stepCalendar(process, step),
    policy,
    { dueAt: stepDueAt, processingHours: step.budgetHours },
    requestedAt,
    resumedAt,
  ).dueAt;
}

/** Whether the budgets add up to the procedure's time limit: the rule of a process. */
export const budgetsAddUp = (steps: readonly { budgetHours: number }[], processingHours: number): boolean =>
  steps.length === 0 || steps.reduce((sum, step) => sum + step.budgetHours, 0) === processingHours;

/** What is wrong with a process, in plain words (empty when nothing is). */
export function processProblems(
  steps: readonly { budgetHours: number; holderRole: string }[],
  processingHours: number,
): string[] {
  const problems: string[] = [];
  if (steps.length > 0 && (steps.length < MIN_STEPS || steps.length > MAX_STEPS))
    problems.push(`a process has between ${MIN_STEPS} and ${MAX_STEPS} steps, or none`);
  if (steps.some((step) => !Number.isInteger(step.budgetHours) || step.budgetHours <= 0))
    problems.push('each step needs a whole number of working hours above 0');
  if (steps.some((step) => !(STEP_HOLDER_ROLES as readonly string[]).includes(step.holderRole)))
    problems.push(`each step is held by a ${STEP_HOLDER_ROLES.join(' or a ')}`);
  if (!budgetsAddUp(steps, processingHours)) {
    const sum = steps.reduce((total, step) => total + step.budgetHours, 0);
    problems.push(`the steps' hours add up to ${sum}, not to the time limit of ${processingHours} hours`);
  }
  return problems;
}
