export { PlatformModule } from './platform.module';

// Time
export { Clock } from './time/clock';
export { DISPLAY_TIME_ZONE, formatLocal, localTime } from './time/local-time';
export { vietnamTime } from './time/vietnam-time';

// Files
export { contentDisposition } from './files/content-disposition';
export { FileStore } from './files/file-store';

// Ids
export { nameBasedUuid } from './ids/name-based-uuid';
export { timeOrderedId } from './ids/time-ordered-id';

// Requests: validation, query parameters and the error body
export type { ErrorBody, FieldProblem } from './requests/error-body';
export { IntegerBetween, IntegerBetweenPipe, type IntegerRange } from './requests/integer-between';
export { NumberFromText } from './requests/number-from-text';
export {
  assertEveryQueryIsDeclared,
  integerRangesOf,
  queryOf,
  type QueryParameter,
} from './requests/query-parameters';
export { Trimmed, TrimmedLowercase } from './requests/trimmed-text';
export { createValidationPipe, invalidFields } from './requests/validation.pipe';

// Retries
export { retryDelayMs } from './retries/retry-schedule';
