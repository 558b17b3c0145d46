/** The holder roles of a step (docs/lifecycle.md, "Internal processing steps"). */
export const STEP_ROLES = ['clerk', 'supervisor'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** The actions whose events enter a step: reception enters step 1, the others the step they name. */
export const STEP_ENTERING_ACTIONS: readonly string[] = [
  'receive',
  'register_counter',
  'forward',
  'send_back',
];
/** The actions whose events record step fields: those entering a step, and `take_over` (the current one). */
export const STEP_RECORDING_ACTIONS: readonly string[] = [...STEP_ENTERING_ACTIONS, 'take_over'];
/** The actions that close a file and so end its step. */
export const FILE_CLOSING_ACTIONS: readonly string[] = ['return', 'refuse', 'withdraw'];

/** The step fields an event records in its data, read back (times as epoch milliseconds). */
export interface StepEventFields {
  readonly stepId: string | null;
  readonly step: number | null;
  readonly stepName: string | null;
  readonly stepAgencyId: string | null;
  readonly stepRole: string | null;
  readonly stepDueAt: number | null;
}

const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The step fields of an event's data, or null when it records none. */
export function stepFieldsOf(data: Readonly<Record<string, unknown>>): StepEventFields | null {
  const due = typeof data.stepDueAt === 'string' ? Date.parse(data.stepDueAt) : Number.NaN;
  const fields: StepEventFields = {
    stepId: textOrNull(data.stepId),
    step: Number.isInteger(data.step) ? (data.step as number) : null,
    stepName: textOrNull(data.stepName),
    stepAgencyId: textOrNull(data.stepAgencyId),
    stepRole: textOrNull(data.stepRole),
    stepDueAt: Number.isNaN(due) ? null : due,
  };
  return Object.values(fields).every((value) => value === null) ? null : fields;
}
