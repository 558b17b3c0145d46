// Roles and languages
export { LANGUAGES, ROLES, STAFF_ROLES, type Language, type Role } from './roles';
export { PARTNER_SCOPES, type PartnerScope } from './partner-scopes';

// Working calendar and local dates
export {
  addDays,
  CalendarRangeError,
  createVietnamWorkingCalendar,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_TIME_ZONE,
  isLocalDate,
  listCalendar,
  LOCAL_DATE_YEARS,
  parseOfficialScheduleFile,
  ScheduleFileError,
  TimeZone,
  WORKING_HOURS_PER_DAY,
  WorkingCalendar,
  type CalendarListing,
  type DayOverride,
  type DayOverrideKind,
  type OfficialScheduleFile,
  type Weekday,
} from './calendar';

// People: national ids, phones, passwords, provinces
export {
  BIRTH_REGISTRATION_PROVINCES,
  checkPassword,
  isValidNationalId,
  maskNationalId,
  normalizeVietnamesePhone,
} from './identity';

// Application lifecycle: the action table and its decisions
export {
  ACTION_TABLE,
  ACTIONS,
  APPLICATION_STATES,
  CLOCK_RUNNING_STATES,
  CLOSED_STATES,
  deadlineChecksFor,
  decide,
  DEFAULT_FEE_DUE,
  DEFAULT_RETENTION_DAYS,
  FEE_DUE_MOMENTS,
  fieldsTaken,
  FILES_REACHED,
  FORM_KINDS,
  formatReceiptCode,
  isAmong,
  MAX_RETENTION_DAYS,
  mayTake,
  MAX_STEPS,
  MIN_STEPS,
  possibleActions,
  processProblems,
  reachesOnlyTheStep,
  reachesOnlyAsConsulted,
  retentionCutoff,
  startsTheClock,
  STEP_HOLDER_ROLES,
  supplementItemsOf,
  unansweredItems,
  waitsForFee,
  type Action,
  type ActorRelation,
  type ActorRole,
  type ApplicationState,
  type Channel,
  type Decision,
  type DecisionContext,
  type FeeDue,
  type FollowUp,
  type FormKind,
  type ProcessContext,
  type Refusal,
  type StepHolderRole,
  type SupplementItem,
} from './applications';

// Internal processing steps: the step fields of events and the stretches a file spent in each step
export {
  STEP_RECORDING_ACTIONS,
  STEP_ROLES,
  stepFieldsOf,
  stepStretchesOf,
  type StepEventFields,
} from './steps';

// Procedure forms
export { fieldPattern, FORM_FIELD_TYPES, validateFormData, type FieldProblem, type FormField } from './forms';

// Notifications
export {
  deadlineAlertAt,
  feedbackPagePath,
  webhookPagePath,
  noticePagePath,
  filePagePath,
  isNotificationKind,
  NOTIFICATION_KINDS,
  previousWeek,
  type NotificationKind,
} from './notifications';
