/** Why a line is refused; the message is shown to the administrator with the line number. */
export class ImportLineError extends Error {}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 time with its offset (`2025-01-03T09:15:00+07:00`), as an instant. */
export function isoTime(value: unknown, field: string): Date {
  const parsed = typeof value === 'string' && ISO_TIME.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw new ImportLineError(
      `${field} must be an ISO 8601 time with its offset, e.g. 2025-01-03T09:15:00+07:00`,
    );
  }
  return parsed;
}
