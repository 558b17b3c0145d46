/** Citizens and clerks read times in the province's time zone, whatever the server's. */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An instant's fields on a wall clock, as digits: the year in full, the rest on two digits, 00–23 hours. */
interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

export interface LocalTime {
  /** dd/mm/yyyy */
  date: string;
  /** HH:mm */
  time: string;
  /** HH:mm dd/mm/yyyy, as Vietnamese documents write it. */
  dateTime: string;
  /** yyyy-mm-ddTHH:mm, as a datetime-local input holds it. */
  inputValue: string;
}

export interface LocalStyle {
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
}

// Building an Intl.DateTimeFormat costs far more than using one: each is made once per zone or style.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let known = formats.get(key);
  if (!known) {
    known = make();
    formats.set(key, known);
  }
  return known;
}

/** An instant as it reads on the wall clock of `timeZone`. */
function wallClock(at: Date, timeZone: string): WallClock {
  const formatter = format(
    `wall|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** An instant as it reads on the agency's wall clock, day first, 24-hour clock. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const { year, month, day, hour, minute } = wallClock(at, timeZone);
  const date = `${day}/${month}/${year}`;
  const time = `${hour}:${minute}`;
  return { date, time, dateTime: `${time} ${date}`, inputValue: `${year}-${month}-${day}T${time}` };
}

/** An instant in a locale's own words (`Intl` date and time styles), on the wall clock of `timeZone`. */
export function formatLocal(at: Date, locale: string, timeZone: string, style: LocalStyle): string {
  return format(
    `${locale}|${timeZone}|${style.dateStyle ?? ''}|${style.timeStyle ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, ...style }),
  ).format(at);
}
