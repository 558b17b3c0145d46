/** The calendar was configured with an invalid time zone, office hours, override or holiday. */
export class CalendarConfigError extends Error {
  public override readonly name = 'CalendarConfigError';

  public constructor(message: string) {
    super(message);
  }
}

export type CalendarRangeParameter = 'from' | 'to';

/** A calendar listing was asked for an invalid date range; `parameter` names the offending query parameter. */
export class CalendarRangeError extends Error {
  public override readonly name = 'CalendarRangeError';

  public constructor(
    public readonly parameter: CalendarRangeParameter,
    message: string,
  ) {
    super(message);
  }
}
